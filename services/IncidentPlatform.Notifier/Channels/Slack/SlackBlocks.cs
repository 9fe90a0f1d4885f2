using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Slack;

/// <summary>Block Kit messages: a mrkdwn section, Approve/Reject buttons for a pending remediation, a context line.</summary>
internal static class SlackBlocks
{
    /// <summary>The message body for <c>chat.postMessage</c>, <c>chat.update</c> or an incoming webhook.</summary>
    public static JsonObject Message(RenderedText title, RenderedText body, NotificationEvent e, bool withButtons = true)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn(RenderedText.Truncate($"*{TextFormats.ToSlackMrkdwn(title, 300)}*\n{TextFormats.ToSlackMrkdwn(body)}", 3000)),
            },
        };
        if (withButtons && e.Type == EventTypes.ApprovalRequested && e.Remediation is { } remediation)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "remediation-decision",
                ["elements"] = new JsonArray(
                    Button(SlackActionIds.Approve, "Approve", "primary", remediation.Id),
                    Button(SlackActionIds.Reject, "Reject", "danger", remediation.Id)),
            });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(Mrkdwn(TextFormats.EscapeSlack($"{e.IncidentId} · {e.Type}"))),
        });
        return new JsonObject
        {
            // The notification fallback; Slack reads it as mrkdwn too, so it is escaped like the blocks.
            ["text"] = TextFormats.EscapeSlack(RenderedText.Truncate($"{title.ToPlain()}: {body.ToPlain()}", 3000)),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Button(string actionId, string label, string style, string value) => new()
    {
        ["type"] = "button",
        ["action_id"] = actionId,
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["style"] = style,
        ["value"] = value,
    };
}
