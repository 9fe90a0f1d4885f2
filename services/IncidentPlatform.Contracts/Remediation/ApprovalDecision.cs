namespace IncidentPlatform.Contracts;

/// <summary>One person's decision on a pending remediation.</summary>
public sealed record ApprovalDecision
{
    /// <summary>Who decided, as shown to people (API key name, Slack user, OIDC user name).</summary>
    public required string Actor { get; init; }

    /// <summary>Who decided, as the stable identity <see cref="DecideRemediation.ActorId"/> carried (<c>key:…</c>, <c>oidc:…</c>, <c>slack:…</c>).</summary>
    public string? ActorId { get; init; }

    /// <summary>Through which channel: <c>rest</c>, <c>mcp</c>, <c>slack</c>, <c>ui</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>True to approve, false to reject.</summary>
    public required bool Approved { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Why, in the approver's words.</summary>
    public string? Comment { get; init; }
}
