namespace IncidentPlatform.Contracts;

/// <summary>
/// The <c>action_id</c>s of the Approve and Reject buttons the notifier puts on Slack messages for a pending remediation
/// (the remediation id is the button's <c>value</c>); the gateway's Slack interactivity endpoint maps them to
/// <see cref="DecideRemediation"/>.
/// </summary>
public static class SlackActionIds
{
    /// <summary>The Approve button.</summary>
    public const string Approve = "remediation_approve";

    /// <summary>The Reject button.</summary>
    public const string Reject = "remediation_reject";
}
