using System.Text;
using IncidentPlatform.Store;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// The single-key operations measured, each three ways on the same server: redis-benchmark's test of that name, the
/// same command through StackExchange.Redis, and the store call that sends it (key under the store's prefix).
/// </summary>
internal sealed record RedisOperation(string Name, string StoreCall, Func<Task> Direct, Func<Task> Store)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    /// <summary>SET, GET, INCR and RPUSH on redis-benchmark's one key (<c>key:__rand_int__</c> without <c>-r</c>).</summary>
    public static IReadOnlyList<RedisOperation> All(IConnectionMultiplexer redis, IServiceProvider stores, int dataSize)
    {
        var database = redis.GetDatabase();
        var cache = (ICacheStore)stores.GetService(typeof(ICacheStore))!;
        var log = (IAppendLog)stores.GetService(typeof(IAppendLog))!;
        var counters = (ICounterStore)stores.GetService(typeof(ICounterStore))!;
        var value = new string('x', dataSize);
        RedisValue bytes = Encoding.ASCII.GetBytes(value);
        const string key = "key:__rand_int__";
        return
        [
            new("SET", "ICacheStore.SetAsync (SET PX)",
                () => database.StringSetAsync(key, bytes), () => cache.SetAsync(key, value, Ttl)),
            new("GET", "ICacheStore.GetAsync",
                () => database.StringGetAsync(key), () => cache.GetAsync(key)),
            new("INCR", "ICounterStore.IncrementAsync (script: INCRBY, PEXPIRE NX)",
                () => database.StringIncrementAsync("counter:__rand_int__"), () => counters.IncrementAsync(key, 1, Ttl)),
            new("RPUSH", "IAppendLog.AppendAsync (RPUSH)",
                () => database.ListRightPushAsync("mylist", bytes), () => log.AppendAsync("mylist", value)),
        ];
    }
}
