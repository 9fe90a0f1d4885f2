using System.Diagnostics;
using System.Globalization;
using System.Text;
using IncidentPlatform.Redis;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// The same load as redis-benchmark, through our client: <c>-c</c> concurrent callers sharing one connection, each
/// sending SET (or GET) with a window of <c>pipeline</c> commands: depth 1 awaits each command; depth 16 issues 16
/// and then awaits them. Keys as redis-benchmark makes them (<c>key:__rand_int__</c>, or <c>key:%012d</c> with -r).
/// </summary>
internal sealed class ClientLoad(RedisConnection connection, RedisBenchmarkSettings settings)
{
    private readonly byte[] _value = Encoding.ASCII.GetBytes(new string('x', settings.DataSize));
    private readonly byte[][] _keys = settings.KeySpace > 0
        ? [.. Enumerable.Range(0, settings.KeySpace).Select(i => Encoding.ASCII.GetBytes("key:" + i.ToString("D12", CultureInfo.InvariantCulture)))]
        : [Encoding.ASCII.GetBytes("key:__rand_int__")];

    /// <summary>Runs <paramref name="requests"/> commands; returns requests per second and bytes allocated per request.</summary>
    public async Task<(double Rate, double AllocatedPerRequest)> RunAsync(string operation, int pipeline, int requests)
    {
        var perCaller = requests / settings.Clients;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var callers = new Task[settings.Clients];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() => CallerAsync(operation == "SET", pipeline, perCaller));
        }

        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var total = perCaller * settings.Clients;
        return (total / elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)total);
    }

    private async Task CallerAsync(bool set, int pipeline, int count)
    {
        var window = new ValueTask<bool>[pipeline];
        var reads = new ValueTask<RedisValue>[pipeline];
        for (var sent = 0; sent < count; sent += pipeline)
        {
            var batch = Math.Min(pipeline, count - sent);
            for (var i = 0; i < batch; i++)
            {
                var key = _keys.Length == 1 ? _keys[0] : _keys[Random.Shared.Next(_keys.Length)];
                if (set)
                {
                    window[i] = connection.SetAsync(key, _value);
                }
                else
                {
                    reads[i] = connection.GetAsync(key);
                }
            }

            for (var i = 0; i < batch; i++)
            {
                if (set)
                {
                    await window[i];
                }
                else
                {
                    await reads[i];
                }
            }
        }
    }
}
