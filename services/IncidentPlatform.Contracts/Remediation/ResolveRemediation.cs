namespace IncidentPlatform.Contracts;

/// <summary>
/// Command (request/response, answered with <see cref="RemediationCommandResult"/>): a person resolves an
/// <see cref="RemediationState.Interrupted"/> remediation — it succeeded, it failed, or run it again.
/// </summary>
public sealed record ResolveRemediation
{
    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What the person found.</summary>
    public required RemediationResolution Resolution { get; init; }

    /// <summary>Who resolves, as shown to people.</summary>
    public required string Actor { get; init; }

    /// <summary>Who resolves, as a stable identity (see <see cref="DecideRemediation.ActorId"/>).</summary>
    public string? ActorId { get; init; }

    /// <summary>Through which channel: <c>rest</c>, <c>mcp</c>, <c>ui</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The resolver's roles; a re-run needs one of the rule's allowed roles, as an approval does.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Why, for the audit trail.</summary>
    public string? Comment { get; init; }
}
