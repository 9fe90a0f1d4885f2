using IncidentPlatform.Contracts;
using System.Text.RegularExpressions;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Telemetry;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Records an outcome: the incident's delivery log, the event (delivered or failed), a log line, a metric, and for a
/// delivered notification a line on the incident's timeline (kind <c>notification</c>).
/// </summary>
internal sealed partial class DeliveryRecorder(
    DeliveryLog log, IIncidentStore incidents, IPublishEndpoint publish, TimeProvider time, ILogger<DeliveryRecorder> logger)
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
                // A console channel's own line already says it on the console: the log line would repeat it.
                DeliveryLogMessages.Delivered(logger, delivery.ChannelType == ChannelTypes.Console ? LogLevel.Debug : LogLevel.Information,
                    delivery.EventType, delivery.IncidentId, delivery.Channel, delivery.Attempts);
                await publish.Publish(new NotificationDelivered
                {
                    IncidentId = delivery.IncidentId, OccurredAt = time.GetUtcNow(), Delivery = delivery,
                }, cancellationToken);
                await TimelineAsync(delivery, cancellationToken);
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

    private async Task TimelineAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var where = delivery.Channel == delivery.ChannelType ? delivery.Channel : $"{delivery.Channel} ({delivery.ChannelType})";
        var what = Words().Replace(delivery.EventType, " $1").Trim().ToLowerInvariant();
        try
        {
            await incidents.AppendTimelineAsync(delivery.IncidentId, new TimelineEntry
            {
                At = delivery.At, Kind = "notification", Message = $"Notified {where}: {what}", Actor = "notifier",
                Data = new Dictionary<string, string>
                {
                    ["channel"] = delivery.Channel, ["channelType"] = delivery.ChannelType, ["eventType"] = delivery.EventType,
                    ["deliveryId"] = delivery.Id,
                },
            }, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            // The incident was deleted (IncidentDeleted is notified too): the delivery log still has it.
        }
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
