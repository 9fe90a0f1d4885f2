namespace IncidentPlatform.Contracts;

/// <summary>Event: a policy rule proposed a catalog action for an incident.</summary>
public sealed record RemediationProposed : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation as proposed.</summary>
    public required Remediation Remediation { get; init; }
}
