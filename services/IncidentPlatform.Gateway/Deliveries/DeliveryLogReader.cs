using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Deliveries;

/// <summary>The incident's delivery log, as the notifier appends it (<see cref="DeliveryLogStream"/>).</summary>
internal sealed class DeliveryLogReader(IAppendLog log, ILogger<DeliveryLogReader> logger)
{
    public async Task<(IReadOnlyList<NotificationDelivery> Items, long Total)> ReadAsync(
        string incidentId, int offset, int limit, CancellationToken cancellationToken)
    {
        var stream = DeliveryLogStream.For(incidentId);
        var total = await log.LengthAsync(stream, cancellationToken);
        var items = new List<NotificationDelivery>();
        foreach (var entry in await log.ReadAsync(stream, offset, limit, cancellationToken))
        {
            try
            {
                if (JsonSerializer.Deserialize(entry, DeliveryJsonContext.Default.NotificationDelivery) is { } delivery)
                {
                    items.Add(delivery);
                }
            }
            catch (JsonException e)
            {
                logger.LogWarning("Skipping an unreadable delivery record of {IncidentId}: {Error}", incidentId, e.Message);
            }
        }

        return (items, total);
    }
}
