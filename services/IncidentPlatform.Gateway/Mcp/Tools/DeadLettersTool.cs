using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>dead_letters</c>: list the messages that exhausted their retries, send one again to its queue, or discard it
/// (<see cref="DeadLetterOperator"/>, as <c>/api/dead-letters</c>). Scope admin.
/// </summary>
[McpServerToolType]
internal sealed class DeadLettersTool(DeadLetterOperator dead)
{
    private const int MaxListed = 50;

    public enum DeadLetterAction { List, Redeliver, Discard }

    [McpServerTool(Name = "dead_letters", Title = "Dead letters", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Messages between services that failed after every retry (in RabbitMQ's <queue>_error): list them with the last " +
                 "error, redeliver one to its queue once the cause is fixed, or discard it. Scope admin.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        DeadLetterAction action,
        [Description("redeliver, discard: the dead letter's id."), MaxLength(100)] string? id = null,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, Scopes.Admin) is { } refused)
        {
            return refused;
        }

        if (action == DeadLetterAction.List)
        {
            var items = await dead.ListAsync(MaxListed, cancellationToken);
            return ToolResults.Success($"{items.Count} dead letter(s){(items.Count == MaxListed ? " (the oldest " + MaxListed + ")" : "")}.",
                new JsonObject { ["items"] = new JsonArray([.. items.Select(Json)]) }, items.Select(Line));
        }

        var target = ToolArgumentException.Required(id, "id");
        try
        {
            var acted = action == DeadLetterAction.Redeliver
                ? await dead.RedeliverAsync(target, cancellationToken)
                : await dead.DiscardAsync(target, cancellationToken);
            var verb = action == DeadLetterAction.Redeliver ? "redelivered" : "discarded";
            return acted is null
                ? ToolResults.Error($"Not found: there is no dead letter '{target}'.")
                : ToolResults.Success($"Dead letter {target} {verb} ({acted.Queue}).", new JsonObject { ["id"] = target, ["result"] = verb });
        }
        catch (DeadLetterException e)
        {
            return ToolResults.Error($"Cannot redeliver {target}: {e.Message}");
        }
    }

    private static JsonObject Json(DeadLetter d) => new()
    {
        ["id"] = d.Id, ["queue"] = d.Queue, ["errorQueue"] = d.Queue + "_error", ["messageTypes"] = new JsonArray([.. d.MessageTypes.Select(t => JsonValue.Create(t))]),
        ["exceptionType"] = d.ExceptionType, ["exceptionMessage"] = d.ExceptionMessage, ["at"] = d.At, ["host"] = d.Host,
    };

    private static string Line(DeadLetter d) =>
        $"- {d.Id} {d.Queue} [{d.MessageTypes.FirstOrDefault()}] at {d.At:O}: {d.ExceptionType}: {TextLimits.Truncate(d.ExceptionMessage, 200)}";
}
