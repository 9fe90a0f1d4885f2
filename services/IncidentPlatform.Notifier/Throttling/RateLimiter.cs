using System.Globalization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>
/// A per-channel fixed-window rate limit shared by every replica (<see cref="ICounterStore"/>): windows are aligned to
/// the clock, so every replica counts into the same key.
/// </summary>
internal sealed class RateLimiter(ICounterStore counters, TimeProvider time)
{
    /// <summary>Takes a slot; returns null when granted, or how long until the next window opens.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string channel, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        if (limit <= 0 || window <= TimeSpan.Zero)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var bucket = now.UtcTicks / window.Ticks;
        var key = $"notifier:rate:{channel}:{bucket.ToString(CultureInfo.InvariantCulture)}";
        var count = await counters.IncrementAsync(key, 1, window, cancellationToken);
        if (count <= limit)
        {
            return null;
        }

        var next = new DateTimeOffset((bucket + 1) * window.Ticks, TimeSpan.Zero);
        return next - now;
    }
}
