using System.Diagnostics;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// The load redis-benchmark makes, through a .NET path (StackExchange.Redis itself, or the store on it): <c>-c</c>
/// concurrent callers sharing the process's one multiplexer, each with a window of <c>pipeline</c> calls: depth 1
/// awaits each call; depth 16 issues 16 and then awaits them.
/// </summary>
internal static class ClientLoad
{
    /// <summary>Runs <paramref name="requests"/> calls; returns calls per second and bytes allocated per call.</summary>
    public static async Task<(double Rate, double AllocatedPerRequest)> RunAsync(
        Func<Task> call, int clients, int pipeline, int requests)
    {
        var perCaller = requests / clients;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var callers = new Task[clients];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() => CallerAsync(call, pipeline, perCaller));
        }

        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var total = perCaller * clients;
        return (total / elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)total);
    }

    private static async Task CallerAsync(Func<Task> call, int pipeline, int count)
    {
        var window = new Task[pipeline];
        for (var sent = 0; sent < count; sent += pipeline)
        {
            var batch = Math.Min(pipeline, count - sent);
            for (var i = 0; i < batch; i++)
            {
                window[i] = call();
            }

            for (var i = 0; i < batch; i++)
            {
                await window[i];
            }
        }
    }
}
