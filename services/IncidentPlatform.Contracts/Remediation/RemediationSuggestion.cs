namespace IncidentPlatform.Contracts;

/// <summary>One catalog action a policy rule allows for an incident, as it would be proposed.</summary>
public sealed record RemediationSuggestion
{
    /// <summary>The catalog action id.</summary>
    public required string ActionId { get; init; }

    /// <summary>The parameters, filled from the rule's templates and inside the action's bounds.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The policy rule that allows it.</summary>
    public required string Rule { get; init; }

    /// <summary>The rule's risk level.</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary>Auto or manual approval.</summary>
    public required ApprovalMode ApprovalMode { get; init; }

    /// <summary>How many approvals a manual action needs.</summary>
    public int RequiredApprovals { get; init; }

    /// <summary>Roles allowed to approve (a manual rule names at least one; empty only for auto approval and older records).</summary>
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    /// <summary>True when it would only record what it would send.</summary>
    public bool DryRun { get; init; }

    /// <summary>The target its cooldown and run limits count against.</summary>
    public string? Target { get; init; }

    /// <summary>True when the incident's analysis recommended this action.</summary>
    public bool Recommended { get; init; }

    /// <summary>The analysis's rationale, when it recommended the action.</summary>
    public string? Rationale { get; init; }
}
