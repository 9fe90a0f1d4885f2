using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Gateway.Mcp.Tools;
using IncidentPlatform.Store;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary><c>incident://{id}</c>: the incident with its latest alerts, timeline and analysis, as JSON.</summary>
internal sealed class IncidentResource : IMcpResource
{
    public ResourceTemplate Template { get; } = new()
    {
        UriTemplate = "incident://{id}", Name = "incident", Title = "Incident",
        Description = "One incident with its latest alerts, timeline and analysis (JSON).", MimeType = "application/json",
    };

    public IReadOnlyDictionary<string, string>? Match(string uri) => IncidentUris.Match(uri, suffix: "");

    public async Task<ReadResourceResult> ReadAsync(ResourceRead read, CancellationToken cancellationToken)
    {
        var id = read.Variables["id"];
        var store = read.Services.GetRequiredService<IIncidentStore>();
        var incident = await store.GetAsync(id, cancellationToken) ?? throw IncidentUris.NotFound(read.Uri);
        var call = new ToolCall(ToolArguments.From(null), read.User, read.Services);
        var body = IncidentViews.Detail(call, incident,
            await store.GetAlertsAsync(id, IncidentViews.DetailAlerts, cancellationToken),
            await store.GetTimelineAsync(id, 0, TimelinePart.Limit, cancellationToken));
        return IncidentUris.Json(read.Uri, body);
    }
}

/// <summary><c>incident://{id}/timeline</c>: the incident's timeline (first 500 entries), as JSON.</summary>
internal sealed class IncidentTimelineResource : IMcpResource
{
    public ResourceTemplate Template { get; } = new()
    {
        UriTemplate = "incident://{id}/timeline", Name = "incident-timeline", Title = "Incident timeline",
        Description = "An incident's timeline, oldest first (JSON).", MimeType = "application/json",
    };

    public IReadOnlyDictionary<string, string>? Match(string uri) => IncidentUris.Match(uri, suffix: "/timeline");

    public async Task<ReadResourceResult> ReadAsync(ResourceRead read, CancellationToken cancellationToken)
    {
        var id = read.Variables["id"];
        var store = read.Services.GetRequiredService<IIncidentStore>();
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            throw IncidentUris.NotFound(read.Uri);
        }

        var call = new ToolCall(ToolArguments.From(null), read.User, read.Services);
        var timeline = await store.GetTimelineAsync(id, 0, TimelinePart.Limit, cancellationToken);
        return IncidentUris.Json(read.Uri, new JsonObject
        {
            ["id"] = id,
            ["entries"] = new JsonArray([.. timeline.Select(t => call.Json(t))]),
        });
    }
}

/// <summary>Parsing <c>incident://</c> URIs and answering with JSON contents.</summary>
internal static class IncidentUris
{
    private const string Scheme = "incident://";

    public static IReadOnlyDictionary<string, string>? Match(string uri, string suffix)
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

    public static McpException NotFound(string uri) =>
        new McpProtocolException($"Resource not found: {uri} (no such incident).", McpErrorCode.InvalidParams);

    public static ReadResourceResult Json(string uri, JsonNode body) => new()
    {
        Contents = [new TextResourceContents { Uri = uri, MimeType = "application/json", Text = body.ToJsonString(new JsonSerializerOptions()) }],
    };
}
