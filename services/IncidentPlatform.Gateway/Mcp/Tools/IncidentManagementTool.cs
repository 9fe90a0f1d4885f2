using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Gateway.Intake;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>incident_management</c>: list, search and read incidents (store reads), create one from an alert
/// (<see cref="AlertIntake"/>, as <c>POST /api/alerts</c>), and change them (<see cref="IncidentCommands"/>, as REST).
/// </summary>
[McpServerToolType]
internal sealed class IncidentManagementTool(
    IIncidentStore store, IncidentCommands commands, AlertIntake intake, McpViews views, TimeProvider time)
{
    public enum IncidentAction { List, Search, Get, Create, Update, Acknowledge, Resolve, Delete }

    [McpServerTool(Name = "incident_management", Title = "Incidents", ReadOnly = false, Destructive = true, Idempotent = false,
        OpenWorld = false)]
    [Description("List, search, read, create and change incidents. list/search/get need scope read; create (an alert, " +
                 "correlated into an incident), update, acknowledge, resolve need write; delete needs admin.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        IncidentAction action,
        [Description("Incident id (inc-…). For get, update, acknowledge, resolve, delete."), MaxLength(100)] string? id = null,
        [Description("search: text in title, service or id."), MaxLength(200)] string? query = null,
        [Description("list/search filter.")] IncidentStatus? status = null,
        [Description("list/search filter; create: affected service."), MaxLength(200)] string? service = null,
        [Description("list/search: minimum; create/update: the severity.")] Severity? severity = null,
        [Range(1, 50)] int pageSize = 20,
        [Description("nextCursor of the previous page."), MaxLength(1000)] string? cursor = null,
        [Description("create (required), update."), MaxLength(AlertValidator.MaxTitle)] string? title = null,
        [Description("create: alert details."), MaxLength(AlertValidator.MaxMessage)] string? message = null,
        [Description("create/update: labels to set.")] Dictionary<string, string>? labels = null,
        [Description("update: timeline note."), MaxLength(IncidentChangeValidator.MaxNote)] string? note = null,
        [Description("resolve: why."), MaxLength(IncidentChangeValidator.MaxNote)] string? reason = null,
        CancellationToken cancellationToken = default)
    {
        var scope = action switch
        {
            IncidentAction.List or IncidentAction.Search or IncidentAction.Get => Scopes.Read,
            IncidentAction.Delete => Scopes.Admin,
            _ => Scopes.Write,
        };
        if (McpCaller.Refuse(user, scope) is { } refused)
        {
            return refused;
        }

        var actor = user!.Actor();
        return action switch
        {
            IncidentAction.List or IncidentAction.Search => await ListAsync(new IncidentQuery
            {
                Status = status, MinSeverity = severity, Service = ToolArgumentException.Optional(service),
                Text = ToolArgumentException.Optional(query), PageSize = pageSize, Cursor = ToolArgumentException.Optional(cursor),
            }, cancellationToken),
            IncidentAction.Get => await GetAsync(ToolArgumentException.Required(id, "id"), cancellationToken),
            IncidentAction.Create => await CreateAsync(actor, new AlertRequest(
                Source: "mcp", Title: ToolArgumentException.Required(title, "title"), Message: message ?? "",
                Severity: (severity ?? Severity.Medium).ToString(), Timestamp: time.GetUtcNow(), Service: ToolArgumentException.Optional(service),
                Labels: labels, Id: null, Status: null), cancellationToken),
            IncidentAction.Update => await CommandAsync(id, "updated", (i, ct) => commands.UpdateAsync(i, actor,
                new IncidentChangeRequest(title, severity?.ToString(), labels, note, null), ct), cancellationToken),
            IncidentAction.Acknowledge => await CommandAsync(id, "acknowledged", (i, ct) => commands.AcknowledgeAsync(i, actor, ct), cancellationToken),
            IncidentAction.Resolve => await CommandAsync(id, "resolved", (i, ct) => commands.ResolveAsync(i, actor, reason, ct), cancellationToken),
            _ => await CommandAsync(id, "deleted", (i, ct) => commands.DeleteAsync(i, actor, ct), cancellationToken),
        };
    }

    private async Task<CallToolResult> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        IncidentPage page;
        try
        {
            page = await store.ListAsync(query, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ToolArgumentException("'cursor' is not a nextCursor from a previous page.");
        }

        var result = new JsonObject
        {
            ["items"] = new JsonArray([.. page.Items.Select(views.Summary)]),
            ["nextCursor"] = page.NextCursor,
        };
        var more = page.NextCursor is null ? "" : " More: pass nextCursor as cursor.";
        return ToolResults.Success($"{page.Items.Count} incident(s).{more}", result, page.Items.Select(McpText.Line));
    }

    private async Task<CallToolResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        var incident = await store.GetAsync(id, cancellationToken);
        if (incident is null)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'. Use action list or search to find ids.");
        }

        var alerts = await store.GetAlertsAsync(id, McpViews.DetailAlerts, cancellationToken);
        var timeline = await store.GetTimelineAsync(id, 0, TimelinePart.Limit, cancellationToken);
        return ToolResults.Success(
            $"{incident.Id}: {TextLimits.Truncate(incident.Title, 200)} ({McpText.Word(incident.Severity)}, " +
            $"{McpText.Word(incident.Status)}, {incident.AlertCount} alert(s)).",
            views.Detail(incident, alerts, timeline), McpText.Detail(incident, alerts, timeline));
    }

    private async Task<CallToolResult> CreateAsync(string actor, AlertRequest request, CancellationToken cancellationToken)
    {
        var errors = AlertValidator.Validate(request, time.GetUtcNow(), out var alert);
        if (errors.Count > 0)
        {
            throw new ToolArgumentException(string.Join(" ", errors.Select(e => $"'{e.Key}': {e.Value[0]}")));
        }

        var (alertId, error) = await intake.SubmitAsync(
            alert! with { Labels = new Dictionary<string, string>(alert.Labels) { ["created_by"] = actor } });
        return error is not null
            ? ToolResults.Error(error)
            : ToolResults.Success(
                $"Alert {alertId} accepted; the detector correlates it into an incident within seconds (find it with action list).",
                new JsonObject { ["alertId"] = alertId });
    }

    private async Task<CallToolResult> CommandAsync(string? id, string done,
        Func<string, CancellationToken, Task<IncidentCommandOutcome>> send, CancellationToken cancellationToken)
    {
        var incidentId = ToolArgumentException.Required(id, "id");
        var outcome = await send(incidentId, cancellationToken);
        if (outcome.Errors is not null)
        {
            throw new ToolArgumentException(string.Join(" ", outcome.Errors.Select(e => $"'{e.Key}': {e.Value[0]}")));
        }

        if (!outcome.Succeeded)
        {
            return ToolResults.Error($"{IncidentCommandOutcome.Title(outcome.Status)} ({outcome.Status}): {outcome.Error}");
        }

        return outcome.Incident is null
            ? ToolResults.Success($"Incident {incidentId} {done}.", new JsonObject { ["id"] = incidentId, ["result"] = done })
            : ToolResults.Success($"Incident {incidentId} {done}: now {McpText.Word(outcome.Incident.Status)}.",
                new JsonObject { ["incident"] = views.Summary(outcome.Incident) }, [McpText.Line(outcome.Incident)]);
    }
}
