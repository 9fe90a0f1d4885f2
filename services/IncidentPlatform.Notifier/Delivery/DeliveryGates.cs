using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Notifier.Throttling;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// The throttling decisions before a send, in order: quiet hours (only critical passes), coalescing of updates, the
/// storm guard, and the rate limit (waiting for a free slot up to the channel's <c>MaxRateDelay</c>).
/// </summary>
internal sealed class DeliveryGates(UpdateCoalescer coalescer, StormGuard storm, RateLimiter rate, TimeProvider time)
{
    public async Task<GateResult> CheckAsync(NotificationEvent e, RouteTarget target, DeliveryMode mode, CancellationToken cancellationToken)
    {
        var channel = target.Channel.Channel;
        var options = channel.Options;
        var replaced = new List<NotificationEvent>();
        string? replacedReason = null;
        if (mode == DeliveryMode.Normal)
        {
            if (e.Severity < Severity.Critical && target.QuietHours.Any(q => QuietHours.IsQuiet(q, time.GetUtcNow())))
            {
                return new GateResult { Suppression = "quiet hours: only critical notifications go through" };
            }

            if (e.Type == EventTypes.IncidentUpdated && options.CoalesceWindow > TimeSpan.Zero)
            {
                var older = await coalescer.DeferAsync(channel.Name, e, options.CoalesceWindow, cancellationToken);
                if (ReferenceEquals(older, e))
                {
                    return new GateResult { Suppression = "coalesced: a newer update of the incident is already waiting" };
                }

                return new GateResult
                {
                    Deferred = true,
                    Replaced = older is null ? [] : [older],
                    ReplacedReason = "coalesced into a later update",
                };
            }

            if (e.Type == EventTypes.IncidentResolved && await coalescer.DiscardAsync(channel.Name, e.IncidentId, cancellationToken) is { } held)
            {
                replaced.Add(held);
                replacedReason = "superseded by the resolution";
            }
        }

        if (mode != DeliveryMode.Direct && EventTypes.CountsTowardsStorm(e.Type))
        {
            var (verdict, window, end) = await storm.CheckAsync(
                channel.Name, options.EffectiveStormThreshold, options.StormWindow, cancellationToken);
            if (verdict != StormVerdict.Pass)
            {
                return new GateResult
                {
                    Suppression = $"alert storm: more than {options.EffectiveStormThreshold} notifications within {options.StormWindow}, summarized",
                    Summary = verdict == StormVerdict.Summarize ? StormSummary(e, channel.Name, options.EffectiveStormThreshold, options.StormWindow, window, end) : null,
                    Replaced = replaced,
                    ReplacedReason = replacedReason,
                };
            }
        }

        var waited = TimeSpan.Zero;
        while (await rate.TryAcquireAsync(channel.Name, options.RateLimit, options.RateWindow, cancellationToken) is { } wait)
        {
            if (waited + wait > options.MaxRateDelay)
            {
                return new GateResult
                {
                    Suppression = $"rate limit: {options.RateLimit} per {options.RateWindow} reached and no slot within {options.MaxRateDelay}",
                    Replaced = replaced,
                    ReplacedReason = replacedReason,
                };
            }

            await Task.Delay(wait, time, cancellationToken);
            waited += wait;
        }

        return replaced.Count == 0 ? GateResult.Send : new GateResult { Replaced = replaced, ReplacedReason = replacedReason };
    }

    private static NotificationEvent StormSummary(
        NotificationEvent trigger, string channel, int threshold, TimeSpan window, string windowId, DateTimeOffset end) => new()
    {
        Type = EventTypes.StormSummary,
        Key = windowId,
        IncidentId = trigger.IncidentId,
        OccurredAt = trigger.OccurredAt,
        Message = $"Alert storm on {channel}: more than {threshold} incident notifications within {window}. " +
                  $"Further ones are suppressed until {end.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC; " +
                  "each incident's delivery log lists them.",
    };
}
