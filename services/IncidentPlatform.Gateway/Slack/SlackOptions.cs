namespace IncidentPlatform.Gateway.Slack;

/// <summary>Slack interactivity (section <c>Slack</c>): the Approve/Reject buttons on the notifier's messages.</summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials); the endpoint refuses everything without it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>How old a request may be (Slack recommends five minutes), against replays.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Roles of Slack users by user id (<c>Slack:UserRoles:U0123=sre,dba</c>), checked against a rule's approver roles.</summary>
    public Dictionary<string, string> UserRoles { get; set; } = [];
}
