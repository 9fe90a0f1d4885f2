using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>Compact, bounded JSON views of incidents for tool results (the model's context is small).</summary>
internal static class IncidentViews
{
    public const int DetailAlerts = 10;
    public const int DetailTimeline = 30;
    public const int MaxMessage = 1000;

    public static JsonObject Summary(ToolCall call, Incident incident) => new()
    {
        ["id"] = incident.Id,
        ["title"] = TextLimits.Truncate(incident.Title, 200),
        ["service"] = incident.Service,
        ["severity"] = call.Json(incident.Severity),
        ["status"] = call.Json(incident.Status),
        ["alertCount"] = incident.AlertCount,
        ["updatedAt"] = incident.UpdatedAt,
        ["silencedBy"] = incident.SilencedBy,
        ["analyzed"] = incident.Analysis is not null,
    };

    public static JsonObject Detail(
        ToolCall call, Incident incident, IReadOnlyList<Alert> alerts, IReadOnlyList<TimelineEntry> timeline)
    {
        var body = (JsonObject)call.Json(incident with
        {
            RecentAlertIds = [],
            TemplateIds = [],
            Evidence = incident.Evidence.TakeLast(3).Select(e => e with { SampleLines = e.SampleLines.Take(3).ToList() }).ToList(),
        })!;
        body.Remove("recentAlertIds");
        body.Remove("templateIds");
        body["alerts"] = new JsonArray([.. alerts.Take(DetailAlerts).Select(a => call.Json(a with
        {
            Message = TextLimits.Truncate(a.Message, MaxMessage),
            Evidence = null,
        }))]);
        body["timeline"] = new JsonArray([.. timeline.TakeLast(DetailTimeline).Select(t => call.Json(t))]);
        body["timelineEntries"] = timeline.Count;
        return body;
    }
}
