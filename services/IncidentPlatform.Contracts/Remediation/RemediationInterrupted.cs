namespace IncidentPlatform.Contracts;

/// <summary>
/// Event: a remediation's executor was interrupted after the action may have started; the remediation is
/// <see cref="RemediationState.Interrupted"/> until a person resolves it (<see cref="ResolveRemediation"/>).
/// </summary>
public sealed record RemediationInterrupted : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The remediation.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>Why the outcome is not known.</summary>
    public required string Reason { get; init; }
}
