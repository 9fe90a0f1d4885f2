namespace IncidentPlatform.Contracts;

/// <summary>Command: run an approved remediation (at most once per approval).</summary>
public sealed record ExecuteRemediation : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
