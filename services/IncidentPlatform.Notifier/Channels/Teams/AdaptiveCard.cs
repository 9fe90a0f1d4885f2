using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels.Teams;

/// <summary>
/// The message a Teams workflow ("When a Teams webhook request is received" / "Send webhook alerts to a channel")
/// posts: a <c>message</c> envelope whose attachment has <c>contentType</c>
/// <c>application/vnd.microsoft.card.adaptive</c> and an Adaptive Card as <c>content</c>.
/// </summary>
internal static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Message(RenderedText title, RenderedText body, NotificationEvent e)
    {
        var facts = new JsonArray(Fact("Incident", e.IncidentId), Fact("Event", e.Type), Fact("Severity", e.Severity.ToString()));
        if (e.Remediation is { } remediation)
        {
            facts.Add(Fact("Remediation", remediation.Id));
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = TextFormats.ToCardMarkdown(title, 300),
                    ["weight"] = "Bolder",
                    ["size"] = "Medium",
                    ["wrap"] = true,
                    ["color"] = e.Severity >= Severity.High ? "Attention" : "Default",
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = TextFormats.ToCardMarkdown(body), ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = ContentType,
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static JsonObject Fact(string title, string value) =>
        new() { ["title"] = title, ["value"] = TextFormats.EscapeMarkdown(value) };
}
