using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Gateway.Mcp.Tools;
using IncidentPlatform.Store;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>
/// <c>incident://{id}</c> (the incident with its latest alerts, timeline and analysis) and
/// <c>incident://{id}/timeline</c> (its timeline, first 500 entries), as JSON.
/// </summary>
internal sealed class IncidentResource(string suffix, ResourceTemplate template) : IMcpResource
{
    private const string Scheme = "incident://";

    public static IncidentResource Detail() => new("", new ResourceTemplate
    {
        UriTemplate = "incident://{id}", Name = "incident", Title = "Incident",
        Description = "One incident with its latest alerts, timeline and analysis (JSON).", MimeType = "application/json",
    });

    public static IncidentResource Timeline() => new("/timeline", new ResourceTemplate
    {
        UriTemplate = "incident://{id}/timeline", Name = "incident-timeline", Title = "Incident timeline",
        Description = "An incident's timeline, oldest first (JSON).", MimeType = "application/json",
    });

    public ResourceTemplate Template { get; } = template;

    public IReadOnlyDictionary<string, string>? Match(string uri)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal) || !uri.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = Uri.UnescapeDataString(uri[Scheme.Length..^suffix.Length]);
        return id.Length is 0 or > 100 || id.Contains('/', StringComparison.Ordinal)
            ? null
            : new Dictionary<string, string> { ["id"] = id };
    }

    public async Task<ReadResourceResult> ReadAsync(ResourceRead read, CancellationToken cancellationToken)
    {
        var id = read.Variables["id"];
        var store = read.Services.GetRequiredService<IIncidentStore>();
        var incident = await store.GetAsync(id, cancellationToken)
            ?? throw new McpProtocolException($"Resource not found: {read.Uri} (no such incident).", McpErrorCode.InvalidParams);
        var call = new ToolCall(ToolArguments.From(null), read.User, read.Services);
        var timeline = await store.GetTimelineAsync(id, 0, TimelinePart.Limit, cancellationToken);
        JsonNode body = suffix.Length == 0
            ? IncidentViews.Detail(call, incident, await store.GetAlertsAsync(id, IncidentViews.DetailAlerts, cancellationToken), timeline)
            : new JsonObject { ["id"] = id, ["entries"] = new JsonArray([.. timeline.Select(t => call.Json<TimelineEntry>(t))]) };
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = read.Uri, MimeType = "application/json", Text = body.ToJsonString(new JsonSerializerOptions()) }],
        };
    }
}
