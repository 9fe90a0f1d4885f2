using System.Text.Json;
using IncidentPlatform.Gateway.Mcp.Tools;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// Compact, bounded JSON views of incidents and analyses for tool results, resources and prompts (the model's context is
/// small), in the gateway's JSON form: camelCase, enums as strings, nulls left out.
/// </summary>
internal sealed class McpViews(IOptions<JsonOptions> json)
{
    public const int DetailAlerts = 10;
    public const int DetailTimeline = 30;
    public const int MaxMessage = 1000;

    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, _options.GetTypeInfo(typeof(T)));

    public JsonObject Summary(Incident incident) => new()
    {
        ["id"] = incident.Id,
        ["title"] = TextLimits.Truncate(incident.Title, 200),
        ["service"] = incident.Service,
        ["severity"] = Json(incident.Severity),
        ["status"] = Json(incident.Status),
        ["alertCount"] = incident.AlertCount,
        ["updatedAt"] = incident.UpdatedAt,
        ["silencedBy"] = incident.SilencedBy,
        ["analyzed"] = incident.Analysis is not null,
    };

    public JsonObject Detail(Incident incident, IReadOnlyList<Alert> alerts, IReadOnlyList<TimelineEntry> timeline)
    {
        var body = (JsonObject)Json(incident with
        {
            RecentAlertIds = [],
            TemplateIds = [],
            Evidence = incident.Evidence.TakeLast(3).Select(e => e with { SampleLines = e.SampleLines.Take(3).ToList() }).ToList(),
            Analysis = incident.Analysis is null ? null : Bounded(incident.Analysis),
        })!;
        body.Remove("recentAlertIds");
        body.Remove("templateIds");
        body["alerts"] = new JsonArray([.. alerts.Take(DetailAlerts).Select(a => Json(a with
        {
            Message = TextLimits.Truncate(a.Message, MaxMessage),
            Evidence = null,
        }))]);
        body["timeline"] = new JsonArray([.. timeline.TakeLast(DetailTimeline).Select(t => Json(t))]);
        body["timelineEntries"] = timeline.Count;
        return body;
    }

    public JsonNode? Analysis(IncidentAnalysis analysis) => Json(Bounded(analysis));

    private static IncidentAnalysis Bounded(IncidentAnalysis analysis) => analysis with
    {
        Hypotheses = analysis.Hypotheses.Take(5).Select(h => h with
        {
            Summary = TextLimits.Truncate(h.Summary, 500),
            Evidence = h.Evidence.Take(3).Select(e => TextLimits.Truncate(e, 300)).ToList(),
        }).ToList(),
        SeverityJustification = TextLimits.Truncate(analysis.SeverityJustification, 500),
        Impact = TextLimits.Truncate(analysis.Impact, 500),
        Steps = analysis.Steps.Take(10).Select(s => TextLimits.Truncate(s, 300)).ToList(),
        RecommendedActions = analysis.RecommendedActions.Take(5).ToList(),
    };
}
