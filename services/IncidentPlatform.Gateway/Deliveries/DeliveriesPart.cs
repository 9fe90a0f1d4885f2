using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Deliveries;

/// <summary>The <c>deliveries</c> section of an incident: who was notified where, and how it went (latest first).</summary>
internal sealed class DeliveriesPart(DeliveryLogReader reader, IOptions<JsonOptions> json) : IIncidentDetailPart
{
    public const int Limit = 100;

    public string Name => "deliveries";

    public async Task<JsonNode?> GetAsync(Incident incident, CancellationToken cancellationToken)
    {
        var (_, total) = await reader.ReadAsync(incident.Id, 0, 0, cancellationToken);
        var start = (int)Math.Max(0, total - Limit);
        var (items, _) = await reader.ReadAsync(incident.Id, start, Limit, cancellationToken);
        return JsonSerializer.SerializeToNode(items.Reverse().ToList(),
            json.Value.SerializerOptions.GetTypeInfo(typeof(IReadOnlyList<NotificationDelivery>)));
    }
}
