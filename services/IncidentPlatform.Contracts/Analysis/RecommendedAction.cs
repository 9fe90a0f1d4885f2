namespace IncidentPlatform.Contracts;

/// <summary>An action from the remediation catalog that the analysis recommends, with its parameters.</summary>
public sealed record RecommendedAction
{
    /// <summary>The catalog id, such as <c>aws.ecs.force-new-deployment</c>.</summary>
    public required string ActionId { get; init; }

    /// <summary>Parameter values (validated against the action's schema before anything runs).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Why this action.</summary>
    public string? Rationale { get; init; }
}
