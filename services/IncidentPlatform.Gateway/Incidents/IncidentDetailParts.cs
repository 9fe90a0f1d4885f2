using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>The incident's latest alerts, newest first.</summary>
internal sealed class AlertsPart(IIncidentStore store, IOptions<JsonOptions> json) : IIncidentDetailPart
{
    public const int Limit = 50;

    public string Name => "alerts";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToNode(await store.GetAlertsAsync(incident.Id, Limit, cancellationToken),
            json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<Alert>)));
}

/// <summary>The incident's timeline, oldest first.</summary>
internal sealed class TimelinePart(IIncidentStore store, IOptions<JsonOptions> json) : IIncidentDetailPart
{
    public const int Limit = 500;

    public string Name => "timeline";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToNode(await store.GetTimelineAsync(incident.Id, 0, Limit, cancellationToken),
            json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<TimelineEntry>)));
}
