using System.Diagnostics;

namespace IncidentPlatform.Bench.Store;

/// <summary>Operations per second and latency percentiles of one load.</summary>
internal sealed record LoadResult(double PerSecond, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>
    /// Runs <paramref name="operations"/> calls of <paramref name="operation"/> (given the call's number) from
    /// <paramref name="callers"/> concurrent callers, each starting its next call when its last one returns.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int callers, int operations, Func<int, Task> operation)
    {
        var latencies = new double[operations];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < operations; i = Interlocked.Increment(ref next))
            {
                var begun = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new LoadResult(
            operations / elapsed.TotalSeconds, latencies[operations / 2], latencies[Math.Min(operations - 1, operations * 99 / 100)]);
    }
}
