using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using MassTransit;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>slack_notifications</c>: preview or send an incident notification (<see cref="SendNotification"/> to the notifier).</summary>
internal sealed class SlackNotificationsTool : IMcpTool
{
    public Tool Definition { get; } = ToolDefinitions.Create("slack_notifications", "Notify",
        "Preview (default) or send a notification about an incident to Slack or the other configured channels. " +
        "Preview needs scope read; sending (preview=false) needs write.",
        """
        {"type":"object","properties":{
        "id":{"type":"string","maxLength":100,"description":"Incident id (inc-…)."},
        "channel":{"type":"string","maxLength":100,"description":"Configured channel name; omit for every routed channel."},
        "message":{"type":"string","maxLength":2000,"description":"Extra text added to the notification."},
        "preview":{"type":"boolean","default":true,"description":"Render only, send nothing."}},
        "required":["id"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true });

    public string RequiredScope(ToolArguments arguments) => arguments.Bool("preview", true) ? Scopes.Read : Scopes.Write;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var id = args.Required("id", 100);
        var preview = args.Bool("preview", true);
        var result = await BusRequests.TrySendAsync<SendNotification, NotificationCommandResult>(
            call.Service<IRequestClient<SendNotification>>(), new SendNotification
            {
                IncidentId = id, OccurredAt = call.Service<TimeProvider>().GetUtcNow(), Actor = call.Actor,
                Channel = args.String("channel", 100), Message = args.String("message", 2000), Preview = preview,
            }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The notifier did not answer in time; nothing is known to have been sent. Retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Not sent ({result.Status}): {result.Error}");
        }

        var deliveries = result.Deliveries.Take(20).Select(d => call.Json(d with { Text = TextLimits.TruncateOrNull(d.Text, 2000) }));
        var summary = string.Join(", ", result.Deliveries.Select(d => $"{d.Channel}: {d.Status}"));
        return ToolResults.Success($"{(preview ? "Preview" : "Sent")} — {(summary.Length == 0 ? "no channel routed" : summary)}.",
            new JsonObject { ["preview"] = preview, ["deliveries"] = new JsonArray([.. deliveries]) });
    }
}
