using System.Text.Json;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Store;
using ModelContextProtocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>
/// <c>incident://{id}</c> (the incident with its latest alerts, timeline and analysis) and
/// <c>incident://{id}/timeline</c> (its timeline, first 500 entries), as JSON; reading needs scope read.
/// </summary>
[McpServerResourceType]
internal sealed class IncidentResources(IIncidentStore store, McpViews views)
{
    [McpServerResource(UriTemplate = "incident://{id}", Name = "incident", Title = "Incident", MimeType = "application/json")]
    [Description("One incident with its latest alerts, timeline and analysis (JSON).")]
    public async Task<string> IncidentAsync(ClaimsPrincipal? user, string id, CancellationToken cancellationToken)
    {
        McpCaller.Require(user, Scopes.Read);
        var incident = await FindAsync(id, $"incident://{id}", cancellationToken);
        var alerts = await store.GetAlertsAsync(incident.Id, McpViews.DetailAlerts, cancellationToken);
        var timeline = await store.GetTimelineAsync(incident.Id, 0, TimelinePart.Limit, cancellationToken);
        return Text(views.Detail(incident, alerts, timeline));
    }

    [McpServerResource(UriTemplate = "incident://{id}/timeline", Name = "incident-timeline", Title = "Incident timeline",
        MimeType = "application/json")]
    [Description("An incident's timeline, oldest first (JSON).")]
    public async Task<string> TimelineAsync(ClaimsPrincipal? user, string id, CancellationToken cancellationToken)
    {
        McpCaller.Require(user, Scopes.Read);
        var incident = await FindAsync(id, $"incident://{id}/timeline", cancellationToken);
        var timeline = await store.GetTimelineAsync(incident.Id, 0, TimelinePart.Limit, cancellationToken);
        return Text(new JsonObject { ["id"] = incident.Id, ["entries"] = new JsonArray([.. timeline.Select(t => views.Json(t))]) });
    }

    private async Task<Incident> FindAsync(string id, string uri, CancellationToken cancellationToken) =>
        id.Length is > 0 and <= 100 && await store.GetAsync(id, cancellationToken) is { } incident
            ? incident
            : throw new McpProtocolException($"Resource not found: {uri} (no such incident).", McpErrorCode.InvalidParams);

    private static string Text(JsonNode body) => body.ToJsonString(JsonSerializerOptions.Default);
}
