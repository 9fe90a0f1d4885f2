namespace IncidentPlatform.Contracts;

/// <summary>Event: a remediation ran and succeeded (or, in dry-run, recorded what it would send).</summary>
public sealed record RemediationExecuted : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>The result.</summary>
    public required RemediationResult Result { get; init; }
}
