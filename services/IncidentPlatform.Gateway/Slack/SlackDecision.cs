using System.Text.Json.Serialization;
using IncidentPlatform.Gateway.Auth;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>A button click, verified and parsed, waiting to be sent to the remediation service.</summary>
/// <param name="RemediationId">The remediation (the button's value).</param>
/// <param name="Approve">Approve or reject.</param>
/// <param name="TeamId">The clicking user's own Slack team (<c>user.team_id</c>, else the payload's <c>team.id</c>).</param>
/// <param name="UserId">The Slack user id.</param>
/// <param name="UserName">The Slack user name, when the payload has one.</param>
/// <param name="ResponseUrl">Where to post the outcome (replaces the message).</param>
/// <param name="OriginalBlocks">The message's blocks, to keep them with the buttons replaced by the outcome.</param>
internal sealed record SlackDecision(
    string RemediationId, bool Approve, string TeamId, string UserId, string? UserName, Uri? ResponseUrl, string? OriginalBlocks)
{
    /// <summary>The actor shown on the decision: <c>slack:&lt;user name or id&gt;</c>.</summary>
    [JsonIgnore]
    public string Actor => "slack:" + (string.IsNullOrWhiteSpace(UserName) ? UserId : UserName);

    /// <summary>The stable identity: <c>slack:&lt;team id&gt;/&lt;user id&gt;</c>.</summary>
    [JsonIgnore]
    public string ActorId => GatewayIdentity.SlackId(TeamId, UserId);
}
