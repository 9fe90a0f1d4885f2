using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Serialization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>The per-incident delivery log: <see cref="NotificationDelivery"/> records in an append-only stream.</summary>
internal sealed class DeliveryLog(IAppendLog log)
{
    public Task AppendAsync(NotificationDelivery delivery, CancellationToken cancellationToken) =>
        log.AppendAsync(DeliveryLogStream.For(delivery.IncidentId),
            JsonSerializer.Serialize(delivery, NotifierJsonContext.Default.NotificationDelivery), cancellationToken);

    public async Task<IReadOnlyList<NotificationDelivery>> ReadAsync(string incidentId, CancellationToken cancellationToken)
    {
        var entries = await log.ReadAsync(DeliveryLogStream.For(incidentId), 0, 10_000, cancellationToken);
        return [.. entries.Select(e => JsonSerializer.Deserialize(e, NotifierJsonContext.Default.NotificationDelivery)!)];
    }
}
