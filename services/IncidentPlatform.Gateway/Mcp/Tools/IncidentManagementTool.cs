using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Alerts;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Store;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>incident_management</c>: list, search and read incidents (store reads), create one from an alert
/// (<see cref="AlertIntake"/>, as <c>POST /api/alerts</c>), and change them (<see cref="IncidentCommands"/>, as REST).
/// </summary>
internal sealed class IncidentManagementTool : IMcpTool
{
    private static readonly IReadOnlyList<string> Actions =
        ["list", "search", "get", "create", "update", "acknowledge", "resolve", "delete"];

    public Tool Definition { get; } = ToolDefinitions.Create("incident_management", "Incidents",
        "List, search, read, create and change incidents. list/search/get need scope read; create (an alert, " +
        "correlated into an incident), update, acknowledge, resolve need write; delete needs admin.",
        """
        {"type":"object","properties":{
        "action":{"type":"string","enum":["list","search","get","create","update","acknowledge","resolve","delete"]},
        "id":{"type":"string","maxLength":100,"description":"Incident id (inc-…). For get, update, acknowledge, resolve, delete."},
        "query":{"type":"string","maxLength":200,"description":"search: text in title, service or id."},
        "status":{"type":"string","enum":["open","acknowledged","resolved"],"description":"list/search filter."},
        "service":{"type":"string","maxLength":200,"description":"list/search filter; create: affected service."},
        "severity":{"type":"string","enum":["critical","high","medium","low","info"],"description":"list/search: minimum; create/update: the severity."},
        "pageSize":{"type":"integer","minimum":1,"maximum":50,"default":20},
        "cursor":{"type":"string","description":"nextCursor of the previous page."},
        "title":{"type":"string","minLength":1,"maxLength":500,"description":"create (required), update."},
        "message":{"type":"string","maxLength":32768,"description":"create: alert details."},
        "labels":{"type":"object","additionalProperties":{"type":"string"},"description":"create/update: labels to set."},
        "note":{"type":"string","maxLength":2000,"description":"update: timeline note."},
        "reason":{"type":"string","maxLength":2000,"description":"resolve: why."}},
        "required":["action"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = false });

    public string RequiredScope(ToolArguments arguments) => arguments.Choice("action", Actions, required: true) switch
    {
        "list" or "search" or "get" => Scopes.Read,
        "delete" => Scopes.Admin,
        _ => Scopes.Write,
    };

    public Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        return args.Choice("action", Actions, required: true) switch
        {
            "list" or "search" => ListAsync(call, cancellationToken),
            "get" => GetAsync(call, args.Required("id", 100), cancellationToken),
            "create" => CreateAsync(call, cancellationToken),
            "update" => CommandAsync(call, "updated", (c, id, ct) => c.UpdateAsync(id, call.Actor, new IncidentChangeRequest(
                args.String("title", AlertValidator.MaxTitle), args.Choice("severity", ToolDefinitions.Severities),
                args.StringMap("labels", AlertValidator.MaxLabels, 1000), args.String("note", 2000), null), ct), cancellationToken),
            "acknowledge" => CommandAsync(call, "acknowledged", (c, id, ct) => c.AcknowledgeAsync(id, call.Actor, ct), cancellationToken),
            "resolve" => CommandAsync(call, "resolved",
                (c, id, ct) => c.ResolveAsync(id, call.Actor, args.String("reason", 2000), ct), cancellationToken),
            _ => CommandAsync(call, "deleted", (c, id, ct) => c.DeleteAsync(id, call.Actor, ct), cancellationToken),
        };
    }

    private static async Task<CallToolResult> ListAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var status = args.Choice("status", ["open", "acknowledged", "resolved"]);
        var severity = args.Choice("severity", ToolDefinitions.Severities);
        var query = new IncidentQuery
        {
            Status = status is null ? null : Enum.Parse<IncidentStatus>(status, ignoreCase: true),
            MinSeverity = severity is not null && SeverityNames.TryParse(severity, out var min) ? min : null,
            Service = args.String("service", 200),
            Text = args.String("query", 200),
            PageSize = args.Int("pageSize", 1, 50, 20),
            Cursor = args.String("cursor", 1000),
        };

        IncidentPage page;
        try
        {
            page = await call.Service<IIncidentStore>().ListAsync(query, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ToolArgumentException("'cursor' is not a nextCursor from a previous page.");
        }

        var result = new JsonObject
        {
            ["items"] = new JsonArray([.. page.Items.Select(i => IncidentViews.Summary(call, i))]),
            ["nextCursor"] = page.NextCursor,
        };
        var more = page.NextCursor is null ? "" : " More: pass nextCursor as cursor.";
        return ToolResults.Success($"{page.Items.Count} incident(s).{more}", result);
    }

    private static async Task<CallToolResult> GetAsync(ToolCall call, string id, CancellationToken cancellationToken)
    {
        var store = call.Service<IIncidentStore>();
        var incident = await store.GetAsync(id, cancellationToken);
        if (incident is null)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'. Use action list or search to find ids.");
        }

        var alerts = await store.GetAlertsAsync(id, IncidentViews.DetailAlerts, cancellationToken);
        var timeline = await store.GetTimelineAsync(id, 0, TimelinePart.Limit, cancellationToken);
        return ToolResults.Success(
            $"{incident.Id}: {TextLimits.Truncate(incident.Title, 200)} ({incident.Severity}, {incident.Status}, {incident.AlertCount} alert(s)).",
            IncidentViews.Detail(call, incident, alerts, timeline));
    }

    private static async Task<CallToolResult> CreateAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var request = new AlertRequest(
            Source: "mcp", Title: args.Required("title", AlertValidator.MaxTitle), Message: args.String("message", AlertValidator.MaxMessage) ?? "",
            Severity: args.Choice("severity", ToolDefinitions.Severities) ?? "medium", Timestamp: call.Service<TimeProvider>().GetUtcNow(),
            Service: args.String("service", 200), Labels: args.StringMap("labels", AlertValidator.MaxLabels, 1000), Id: null, Status: null);
        var errors = AlertValidator.Validate(request, call.Service<TimeProvider>().GetUtcNow(), out var alert);
        if (errors.Count > 0)
        {
            throw new ToolArgumentException(string.Join(" ", errors.Select(e => $"'{e.Key}': {e.Value[0]}")));
        }

        var (alertId, error) = await call.Service<AlertIntake>().SubmitAsync(
            alert! with { Labels = new Dictionary<string, string>(alert!.Labels) { ["created_by"] = call.Actor } }, cancellationToken);
        return error is not null
            ? ToolResults.Error(error)
            : ToolResults.Success(
                $"Alert {alertId} accepted; the detector correlates it into an incident within seconds (find it with action list).",
                new JsonObject { ["alertId"] = alertId });
    }

    private static async Task<CallToolResult> CommandAsync(ToolCall call, string done,
        Func<IncidentCommands, string, CancellationToken, Task<IncidentCommandOutcome>> send, CancellationToken cancellationToken)
    {
        var id = call.Arguments.Required("id", 100);
        var outcome = await send(call.Service<IncidentCommands>(), id, cancellationToken);
        if (outcome.Errors is not null)
        {
            throw new ToolArgumentException(string.Join(" ", outcome.Errors.Select(e => $"'{e.Key}': {e.Value[0]}")));
        }

        if (!outcome.Succeeded)
        {
            return ToolResults.Error($"{IncidentCommandOutcome.Title(outcome.Status)} ({outcome.Status}): {outcome.Error}");
        }

        return outcome.Incident is null
            ? ToolResults.Success($"Incident {id} {done}.", new JsonObject { ["id"] = id, ["result"] = done })
            : ToolResults.Success($"Incident {id} {done}: now {outcome.Incident.Status}.",
                new JsonObject { ["incident"] = IncidentViews.Summary(call, outcome.Incident) });
    }
}
