using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IncidentPlatform.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Every store interface over Redis (see <see cref="RedisKeys"/> for the layout): JSON written with the same
/// <see cref="Serialization.StoreJsonContext"/> as the embedded store, and every change that touches more than one
/// key made by a Lua script (<see cref="IncidentScripts"/>, <see cref="KeyScripts"/>), so it is atomic on the server
/// and safe with any number of replicas. Durability is the server's: with <c>appendfsync always</c> an acknowledged
/// call is on disk; with the default <c>everysec</c> a server crash may lose the last second.
/// <para>Calls fail with <see cref="RedisConnectionException"/> while Redis is unreachable (the connection reconnects
/// by itself), <see cref="RedisTimeoutException"/> when it does not answer in time: a call that failed in flight may
/// or may not have taken effect, like any remote store's.</para>
/// </summary>
internal sealed partial class RedisIncidentStore(RedisConnectionSource redis, RedisStoreSettings settings) :
    IIncidentStore, IDocumentStore, IAppendLog, IIdempotencyStore, ICacheStore, ICounterStore, ILeaseStore,
    ICheckpointStore
{
    private readonly RedisKeys _keys = new(settings.KeyPrefix);

    /// <summary>The key prefix (tests and diagnostics).</summary>
    public string KeyPrefix => _keys.Prefix;

    private async Task<RedisValue> ExecuteAsync(string command, RedisArgument[] arguments, CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync().WaitAsync(cancellationToken);
        return await connection.ExecuteAsync(command, arguments, cancellationToken);
    }

    private async Task<RedisValue> EvalAsync(
        RedisScript script, RedisArgument[] keys, RedisArgument[] arguments, CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync().WaitAsync(cancellationToken);
        return await connection.EvalAsync(script, keys, arguments, cancellationToken);
    }

    private static T Read<T>(RedisValue json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json.Memory.Span, type)
        ?? throw new InvalidDataException($"Redis holds a null {typeof(T).Name} document.");

    private static T Read<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"A null {typeof(T).Name} document.");

    private static List<T> ReadAll<T>(RedisValue list, JsonTypeInfo<T> type)
    {
        var items = new List<T>(list.Length);
        foreach (var json in list.Items)
        {
            items.Add(Read(json, type));
        }

        return items;
    }

    /// <summary>Milliseconds for PX/PEXPIRE: rounded up, at least 1.</summary>
    private static long Milliseconds(TimeSpan ttl, string parameter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, parameter);
        return Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
    }

    /// <summary>
    /// <paramref name="count"/> items of a list from <paramref name="start"/> (LRANGE's stop is inclusive, and a stop
    /// of -1 would mean "to the end", so a count of zero never reaches the server).
    /// </summary>
    private async Task<RedisValue> RangeAsync(string key, long start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? default : await ExecuteAsync("LRANGE", [key, start, start + count - 1], cancellationToken);
    }
}
