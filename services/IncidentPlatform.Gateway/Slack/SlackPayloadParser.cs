using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Reads an interaction request: <c>application/x-www-form-urlencoded</c> with the JSON in its <c>payload</c> field; a
/// <c>block_actions</c> payload whose action is one of our buttons becomes a <see cref="SlackDecision"/>.
/// </summary>
internal static class SlackPayloadParser
{
    /// <summary>The decision; null with no error for interactions that are not ours; an error for malformed input.</summary>
    public static (SlackDecision? Decision, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || string.IsNullOrWhiteSpace(payload))
        {
            return (null, "The form field 'payload' is missing.");
        }

        try
        {
            using var json = JsonDocument.Parse(payload.ToString());
            var root = json.RootElement;
            if (Text(root, "type") != "block_actions" || !root.TryGetProperty("actions", out var actions) ||
                actions.ValueKind != JsonValueKind.Array)
            {
                return (null, null);
            }

            var action = actions.EnumerateArray().FirstOrDefault(a => Text(a, "action_id") is SlackActionIds.Approve or SlackActionIds.Reject);
            if (action.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var remediation = Text(action, "value");
            var user = root.TryGetProperty("user", out var u) ? u : default;
            var userId = Text(user, "id");
            // A Slack Connect guest clicks in our channel but belongs to their own team: the user's team is who they are.
            var teamId = Text(user, "team_id") ?? (root.TryGetProperty("team", out var team) ? Text(team, "id") : null);
            if (string.IsNullOrWhiteSpace(remediation) || remediation.Length > 200 || string.IsNullOrWhiteSpace(userId) ||
                string.IsNullOrWhiteSpace(teamId))
            {
                return (null, "The action has no remediation id, or the payload no user and team.");
            }

            var responseUrl = Uri.TryCreate(Text(root, "response_url"), UriKind.Absolute, out var url) &&
                              (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;
            var blocks = root.TryGetProperty("message", out var message) && message.TryGetProperty("blocks", out var b)
                ? b.GetRawText()
                : null;
            return (new SlackDecision(remediation, Text(action, "action_id") == SlackActionIds.Approve, teamId, userId,
                Text(user, "username") ?? Text(user, "name"), responseUrl, blocks), null);
        }
        catch (JsonException e)
        {
            return (null, $"The payload is not JSON: {e.Message}");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
