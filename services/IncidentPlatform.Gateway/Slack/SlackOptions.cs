namespace IncidentPlatform.Gateway.Slack;

/// <summary>Slack interactivity (section <c>Slack</c>): the Approve/Reject buttons on the notifier's messages.</summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials); the endpoint refuses everything without it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>How old a request may be (Slack recommends five minutes), against replays.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The approvers: roles of Slack users by user id (<c>Slack:UserRoles:U0123=sre,dba</c>) or, to pin the team as well,
    /// team and user id (<c>Slack:UserRoles:T0123/U0123</c>), checked against a rule's approver roles. A click from a
    /// user not listed with at least one role decides nothing (Slack Connect guests included).
    /// </summary>
    public Dictionary<string, string> UserRoles { get; set; } = [];

    /// <summary>The roles of a Slack user (none when not an approver).</summary>
    public IReadOnlyList<string> RolesOf(string teamId, string userId) =>
        UserRoles.TryGetValue($"{teamId}/{userId}", out var roles) || UserRoles.TryGetValue(userId, out roles)
            ? roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
