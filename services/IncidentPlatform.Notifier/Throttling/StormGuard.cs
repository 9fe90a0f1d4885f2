using System.Globalization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>
/// Counts incident notifications per channel in clock-aligned windows across replicas: up to the threshold they go
/// out, the next one is replaced by a single storm summary, and the rest of the window is suppressed.
/// </summary>
internal sealed class StormGuard(ICounterStore counters, TimeProvider time)
{
    public async Task<(StormVerdict Verdict, string Window, DateTimeOffset WindowEnd)> CheckAsync(
        string channel, int threshold, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bucket = now.UtcTicks / window.Ticks;
        var id = bucket.ToString(CultureInfo.InvariantCulture);
        var end = new DateTimeOffset((bucket + 1) * window.Ticks, TimeSpan.Zero);
        if (threshold <= 0)
        {
            return (StormVerdict.Pass, id, end);
        }

        var count = await counters.IncrementAsync($"notifier:storm:{channel}:{id}", 1, window, cancellationToken);
        var verdict = count <= threshold ? StormVerdict.Pass
            : count == threshold + 1 ? StormVerdict.Summarize
            : StormVerdict.Suppress;
        return (verdict, id, end);
    }
}
