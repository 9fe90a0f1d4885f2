namespace IncidentPlatform.Contracts;

/// <summary>
/// One catalog action proposed for an incident by a policy rule, with its approvals and result.
/// Stored as a versioned document; every change is also appended to the incident's audit chain.
/// </summary>
public sealed record Remediation
{
    /// <summary>Our id (<c>rem-…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The incident it remedies.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The catalog action id (<c>aws.ecs.force-new-deployment</c>…).</summary>
    public required string ActionId { get; init; }

    /// <summary>The parameters, filled from the rule's templates and checked against the action's bounds.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The policy rule that proposed it.</summary>
    public required string Rule { get; init; }

    /// <summary>The content hash of the policy version in force when it was proposed.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The risk level the rule assigns.</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary>Auto or manual approval.</summary>
    public required ApprovalMode ApprovalMode { get; init; }

    /// <summary>How many approvals a manual action needs.</summary>
    public int RequiredApprovals { get; init; }

    /// <summary>Roles allowed to approve (a manual rule names at least one; empty only for auto approval and older records).</summary>
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    /// <summary>Where it is in the workflow.</summary>
    public required RemediationState State { get; init; }

    /// <summary>Who or what asked for it (the policy engine, or a person through a tool).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>
    /// The stable id (<c>key:…</c>, <c>oidc:…</c>, <c>slack:…</c>) of the person who asked for it (through the analysis
    /// that proposed it), <c>policy</c> when the policy proposed it on its own (null in older records); that person may
    /// not approve it (four eyes).
    /// </summary>
    public string? RequestedById { get; init; }

    /// <summary>The decisions so far.</summary>
    public IReadOnlyList<ApprovalDecision> Decisions { get; init; } = [];

    /// <summary>When a pending approval expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when the action only records what it would send.</summary>
    public bool DryRun { get; init; }

    /// <summary>The outcome, once run.</summary>
    public RemediationResult? Result { get; init; }

    /// <summary>The target the cooldown and run limits are counted against (cluster/service, instance id…).</summary>
    public string? Target { get; init; }

    /// <summary>When proposed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The optimistic-concurrency version.</summary>
    public long Version { get; init; }
}
