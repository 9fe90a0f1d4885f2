using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Store;
using IncidentPlatform.Store.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IncidentPlatform.Bench.Redis;

/// <summary>
/// A single-key store call measured three ways on the same server, all sending the same command to the same key:
/// redis-benchmark running that command (<see cref="Command"/>), StackExchange.Redis sending it (<see cref="Direct"/>),
/// and the store call that sends it (<see cref="Store"/>). So the ratios measure the client path, not the command.
/// </summary>
internal sealed record RedisOperation(string Name, string StoreCall, string[] Command, Func<Task> Direct, Func<Task> Store)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    /// <summary>The cache's SET and GET, the log's RPUSH and the counter's script, on redis-benchmark's one key.</summary>
    public static IReadOnlyList<RedisOperation> All(IConnectionMultiplexer redis, IServiceProvider stores, int dataSize)
    {
        var database = redis.GetDatabase();
        var cache = stores.GetRequiredService<ICacheStore>();
        var log = stores.GetRequiredService<IAppendLog>();
        var counters = stores.GetRequiredService<ICounterStore>();
        var value = new string('x', dataSize);
        const string key = "key:__rand_int__";
        const string prefix = RedisStoreSettings.DefaultKeyPrefix;
        var seconds = ((long)Ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var milliseconds = ((long)Ttl.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var counter = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(KeyScripts.Increment)));
        return
        [
            new("SET", "ICacheStore.SetAsync", ["set", prefix + "cache:" + key, value, "ex", seconds],
                () => database.StringSetAsync(prefix + "cache:" + key, value, Ttl), () => cache.SetAsync(key, value, Ttl)),
            new("GET", "ICacheStore.GetAsync", ["get", prefix + "cache:" + key],
                () => database.StringGetAsync(prefix + "cache:" + key), () => cache.GetAsync(key)),
            new("RPUSH", "IAppendLog.AppendAsync", ["rpush", prefix + "log:mylist", value],
                () => database.ListRightPushAsync(prefix + "log:mylist", value), () => log.AppendAsync("mylist", value)),
            new("EVALSHA", "ICounterStore.IncrementAsync", ["evalsha", counter, "1", prefix + "counter:" + key, "1", milliseconds],
                () => database.ScriptEvaluateAsync(KeyScripts.Increment, [prefix + "counter:" + key], [1, milliseconds]),
                () => counters.IncrementAsync(key, 1, Ttl)),
        ];
    }
}
