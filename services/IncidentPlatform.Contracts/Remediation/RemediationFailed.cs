namespace IncidentPlatform.Contracts;

/// <summary>Event: a remediation failed or was refused at run time.</summary>
public sealed record RemediationFailed : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>What went wrong.</summary>
    public required string Error { get; init; }
}
