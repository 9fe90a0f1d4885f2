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

    /// <summary>Who decides, as shown to people (an API key's name, an OIDC user's name, <c>slack:&lt;user name&gt;</c>).</summary>
    public required string Actor { get; init; }

    /// <summary>
    /// Who decides, as a stable identity prefixed by how the gateway proved it: <c>key:&lt;key name&gt;</c> (an API key,
    /// also over stdio), <c>oidc:&lt;issuer&gt;/&lt;sub&gt;</c> (an OIDC token), <c>slack:&lt;team id&gt;/&lt;user id&gt;</c>
    /// (a signed Slack click). Two decisions are by the same person exactly when their ids are equal (ordinal); display
    /// names (<see cref="Actor"/>) are not compared. Null only from senders that predate it.
    /// </summary>
    public string? ActorId { get; init; }

    /// <summary>Through which channel: <c>rest</c>, <c>mcp</c>, <c>slack</c>, <c>ui</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The decider's roles, checked against the rule's allowed roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Why.</summary>
    public string? Comment { get; init; }
}
