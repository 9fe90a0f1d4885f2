using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary><c>slack_notifications</c>: preview or send an incident notification (<see cref="SendNotification"/> to the notifier).</summary>
[McpServerToolType]
internal sealed class SlackNotificationsTool(IRequestClient<SendNotification> notifier, McpViews views, TimeProvider time)
{
    [McpServerTool(Name = "slack_notifications", Title = "Notify", ReadOnly = false, Destructive = false, Idempotent = false,
        OpenWorld = true)]
    [Description("Preview (default) or send a notification about an incident to Slack or the other configured channels. " +
                 "Preview needs scope read; sending (preview=false) needs write.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Incident id (inc-…)."), MaxLength(100)] string id,
        [Description("Configured channel name; omit for every routed channel."), MaxLength(100)] string? channel = null,
        [Description("Extra text added to the notification."), MaxLength(2000)] string? message = null,
        [Description("Render only, send nothing.")] bool preview = true,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, preview ? Scopes.Read : Scopes.Write) is { } refused)
        {
            return refused;
        }

        var result = await BusRequests.TrySendAsync<SendNotification, NotificationCommandResult>(notifier, new SendNotification
        {
            IncidentId = ToolArgumentException.Required(id, "id"), OccurredAt = time.GetUtcNow(), Actor = user!.Actor(),
            Channel = ToolArgumentException.Optional(channel), Message = ToolArgumentException.Optional(message), Preview = preview,
        }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The notifier did not answer in time; nothing is known to have been sent. Retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Not sent ({result.Status}): {result.Error}");
        }

        var deliveries = result.Deliveries.Take(20).Select(d => d with { Text = TextLimits.TruncateOrNull(d.Text, 2000) }).ToList();
        var summary = string.Join(", ", result.Deliveries.Select(d => $"{d.Channel}: {McpText.Word(d.Status)}"));
        return ToolResults.Success($"{(preview ? "Preview" : "Sent")} — {(summary.Length == 0 ? "no channel routed" : summary)}.",
            new JsonObject { ["preview"] = preview, ["deliveries"] = new JsonArray([.. deliveries.Select(d => views.Json(d))]) },
            deliveries.Select(d => $"- {d.Channel} ({d.ChannelType}): {TextLimits.Truncate(d.Text ?? d.Detail ?? "", 500)}"));
    }
}
