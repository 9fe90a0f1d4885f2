using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Notifier.Throttling;
using IncidentPlatform.Store;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Takes an event to each channel it is routed to, once: idempotency claim, quiet hours, coalescing of updates, the
/// storm guard, the rate limit, then the send with retries; every outcome lands in the incident's delivery log.
/// </summary>
internal sealed class NotificationDispatcher(
    Router router,
    DeliveryIdempotency idempotency,
    DeliveryGates gates,
    ChannelSender sender,
    DeliveryRecorder recorder,
    IIncidentStore incidents,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Delivers <paramref name="e"/> to every channel its routes name.</summary>
    public async Task DispatchAsync(NotificationEvent e, CancellationToken cancellationToken)
    {
        e = await EnrichAsync(e, cancellationToken);
        var targets = router.Route(e)
            .Where(t => t.Channel.Channel.Accepts(e) && (e.Significant || t.Channel.Channel.Options.AllUpdates))
            .ToList();
        if (targets.Count == 0)
        {
            DeliveryLogMessages.NoChannel(logger, e.Type, e.IncidentId);
            return;
        }

        await Task.WhenAll(targets.Select(t => DeliverAsync(e, t, DeliveryMode.Normal, cancellationToken)));
    }

    /// <summary>
    /// Delivers to one channel; returns the recorded outcome, or null when there is none yet (already done, or held
    /// for coalescing). Throws <see cref="DeliveryInProgressException"/> when another consumer is on it.
    /// </summary>
    public async Task<NotificationDelivery?> DeliverAsync(
        NotificationEvent e, RouteTarget target, DeliveryMode mode, CancellationToken cancellationToken)
    {
        var channel = target.Channel;
        var key = DeliveryIdempotency.Key(e.IncidentId, e.Type, e.Key, channel.Name);
        if (await idempotency.IsDoneAsync(key, cancellationToken))
        {
            DeliveryLogMessages.AlreadyDelivered(logger, e.Type, e.IncidentId, channel.Name);
            return null;
        }

        var claim = await idempotency.TryClaimAsync(key, cancellationToken) ?? throw new DeliveryInProgressException(key);

        var done = false;
        try
        {
            var gate = await gates.CheckAsync(e, target, mode, cancellationToken);
            foreach (var replaced in gate.Replaced)
            {
                await recorder.RecordAsync(Suppressed(replaced, channel, gate.ReplacedReason!), cancellationToken);
            }

            if (gate.Summary is { } summary)
            {
                await DeliverAsync(summary, target with { QuietHours = [] }, DeliveryMode.Direct, cancellationToken);
            }

            NotificationDelivery? delivery = null;
            if (gate.Suppression is { } reason)
            {
                delivery = Suppressed(e, channel, reason);
            }
            else if (!gate.Deferred)
            {
                delivery = await SendSerializedAsync(e, channel, key, cancellationToken);
            }

            if (delivery is not null)
            {
                await recorder.RecordAsync(delivery, cancellationToken);
            }

            // A held update is not done: the flusher delivers it under this same key when its window ends. A delivered
            // one was marked done the moment the channel accepted it.
            if (!gate.Deferred && delivery?.Status != DeliveryStatus.Delivered)
            {
                await idempotency.MarkDoneAsync(key, delivery?.Id ?? "none", cancellationToken);
            }

            done = !gate.Deferred;
            return delivery;
        }
        finally
        {
            // Once done, the marker answers every later attempt and the claim may simply expire (one write saved per
            // delivery); otherwise release it so a redelivery can try again now.
            if (done)
            {
                await claim.DisposeAsync();
            }
            else
            {
                await claim.ReleaseAsync();
            }
        }
    }

    /// <summary>Renders without sending (<c>SendNotification</c> with <c>Preview</c>).</summary>
    public NotificationDelivery Preview(NotificationEvent e, ConfiguredChannel channel)
    {
        var message = new ChannelMessage(e, channel.RenderTitle(e), channel.RenderBody(e), ChannelSender.NewId(time), "preview");
        return Outcome(e, channel, DeliveryStatus.Preview, text: ChannelSender.Text(message));
    }

    /// <summary>Remediation and analysis events do not carry the incident: load it for routing and the message.</summary>
    public async Task<NotificationEvent> EnrichAsync(NotificationEvent e, CancellationToken cancellationToken)
    {
        if (e.Incident is not null)
        {
            return e;
        }

        var incident = await incidents.GetAsync(e.IncidentId, cancellationToken);
        return incident is null ? e : e with { Incident = incident, Analysis = e.Analysis ?? incident.Analysis };
    }

    // One send at a time per (channel, incident) across replicas for channels that keep per-incident state, so that a
    // Slack thread or a Jira issue is created once even when two events of a new incident arrive together.
    private async Task<NotificationDelivery> SendSerializedAsync(
        NotificationEvent e, ConfiguredChannel channel, string key, CancellationToken cancellationToken)
    {
        var message = new ChannelMessage(e, channel.RenderTitle(e), channel.RenderBody(e), ChannelSender.NewId(time), key);
        if (!channel.Channel.KeepsIncidentState)
        {
            return await sender.SendAsync(channel, message, cancellationToken);
        }

        var name = $"notifier:thread:{channel.Name}:{e.IncidentId}";
        RenewedLease? lease;
        for (var waited = 0; (lease = await idempotency.Lease(name, cancellationToken)) is null; waited++)
        {
            if (waited >= 600)
            {
                throw new DeliveryInProgressException(name);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        try
        {
            return await sender.SendAsync(channel, message, cancellationToken);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    private NotificationDelivery Suppressed(NotificationEvent e, ConfiguredChannel channel, string reason) =>
        Outcome(e, channel, DeliveryStatus.Suppressed, detail: reason);

    private NotificationDelivery Outcome(
        NotificationEvent e, ConfiguredChannel channel, DeliveryStatus status, string? detail = null, string? text = null) => new()
    {
        Id = ChannelSender.NewId(time),
        IncidentId = e.IncidentId,
        Channel = channel.Name,
        ChannelType = channel.Channel.Type,
        EventType = e.Type,
        Status = status,
        At = time.GetUtcNow(),
        Detail = detail,
        Text = text,
    };
}
