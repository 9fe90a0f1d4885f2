using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>One rule of the policy: when it matches, which catalog actions it allows, and under which limits.</summary>
internal sealed record PolicyRule
{
    /// <summary>The unique name, recorded on every proposal and audit entry.</summary>
    public required string Name { get; init; }

    /// <summary>What the rule is for.</summary>
    public string? Description { get; init; }

    /// <summary>When it applies.</summary>
    public required RuleMatch Match { get; init; }

    /// <summary>The actions it allows (at least one).</summary>
    public required IReadOnlyList<RuleAction> Actions { get; init; }

    /// <summary>All actions, or the best-ranked one.</summary>
    public RulePick Pick { get; init; }

    /// <summary>How its actions are approved.</summary>
    public required ApprovalSettings Approval { get; init; }

    /// <summary>The risk level of its actions.</summary>
    public RiskLevel Risk { get; init; } = RiskLevel.Medium;

    /// <summary>The least time between two runs on the same target.</summary>
    public TimeSpan? Cooldown { get; init; }

    /// <summary>The most runs on the same target per hour.</summary>
    public int? MaxRunsPerHour { get; init; }

    /// <summary>When its actions may run (null: any time).</summary>
    public TimeWindows? Windows { get; init; }

    /// <summary>True when its actions only record what they would send.</summary>
    public bool DryRun { get; init; }

    /// <summary>When to check whether the incident recovered after a successful run (null: no verification).</summary>
    public TimeSpan? VerifyAfter { get; init; }

    /// <summary>The file it is declared in.</summary>
    public required string File { get; init; }

    /// <summary>The line it is declared on.</summary>
    public long Line { get; init; }
}
