namespace IncidentPlatform.Contracts;

/// <summary>Event: a proposed action waits for human approval.</summary>
public sealed record ApprovalRequested : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation awaiting approval.</summary>
    public required Remediation Remediation { get; init; }
}
