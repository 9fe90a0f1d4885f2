namespace IncidentPlatform.Contracts;

/// <summary>The actions a policy evaluation proposes for an incident, with the policy version that produced them.</summary>
public sealed record RemediationPlan
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The content hash of the policy evaluated.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The proposed remediations (empty when no rule matched).</summary>
    public required IReadOnlyList<Remediation> Remediations { get; init; }

    /// <summary>Why nothing was proposed, or why rules were skipped (cooldown, window, limits).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
