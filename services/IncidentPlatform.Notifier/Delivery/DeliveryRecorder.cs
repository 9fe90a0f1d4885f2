using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>Records an outcome: the incident's delivery log, the event (delivered or failed), a log line, a metric.</summary>
internal sealed class DeliveryRecorder(DeliveryLog log, IPublishEndpoint publish, TimeProvider time, ILogger<DeliveryRecorder> logger)
{
    public async Task RecordAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        await log.AppendAsync(delivery, cancellationToken);
        NotifierTelemetry.Deliveries.Add(1,
            new KeyValuePair<string, object?>("channel", delivery.Channel),
            new KeyValuePair<string, object?>("status", delivery.Status.ToString()));
        switch (delivery.Status)
        {
            case DeliveryStatus.Delivered:
                DeliveryLogMessages.Delivered(logger, delivery.EventType, delivery.IncidentId, delivery.Channel, delivery.Attempts);
                await publish.Publish(new NotificationDelivered
                {
                    IncidentId = delivery.IncidentId, OccurredAt = time.GetUtcNow(), Delivery = delivery,
                }, cancellationToken);
                break;
            case DeliveryStatus.Failed:
                DeliveryLogMessages.Failed(
                    logger, delivery.EventType, delivery.IncidentId, delivery.Channel, delivery.Attempts, delivery.Detail);
                await publish.Publish(new NotificationFailed
                {
                    IncidentId = delivery.IncidentId, OccurredAt = time.GetUtcNow(), Delivery = delivery,
                }, cancellationToken);
                break;
            default:
                DeliveryLogMessages.Suppressed(logger, delivery.EventType, delivery.IncidentId, delivery.Channel, delivery.Detail);
                break;
        }
    }
}
