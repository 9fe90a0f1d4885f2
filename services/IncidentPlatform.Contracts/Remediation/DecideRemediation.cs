namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="RemediationCommandResult"/>): approve or reject a pending remediation.</summary>
public sealed record DecideRemediation
{
    /// <summary>The remediation.</summary>
    public required string RemediationId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>True to approve, false to reject.</summary>
    public required bool Approve { get; init; }

    /// <summary>Who decides.</summary>
    public required string Actor { get; init; }

    /// <summary>Through which channel: <c>rest</c>, <c>mcp</c>, <c>slack</c>, <c>ui</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The decider's roles, checked against the rule's allowed roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Why.</summary>
    public string? Comment { get; init; }
}
