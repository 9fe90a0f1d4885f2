using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// Every store interface over Redis through StackExchange.Redis (see <see cref="RedisKeys"/> for the layout): JSON
/// written with the same <see cref="Serialization.StoreJsonContext"/> as the embedded store, and every change that
/// touches more than one key made by a Lua script (<see cref="IncidentScripts"/>, <see cref="KeyScripts"/>), so it is
/// atomic on the server and safe with any number of replicas. Scripts go as <c>EVALSHA</c>; the client loads them
/// again when the server answers <c>NOSCRIPT</c> (a restart, <c>SCRIPT FLUSH</c>). Durability is the server's: with
/// <c>appendfsync always</c> an acknowledged call is on disk; with the default <c>everysec</c> a server crash may lose
/// the last second.
/// <para>Calls fail at once with <see cref="RedisConnectionException"/> while Redis is unreachable (the multiplexer
/// reconnects by itself; nothing is queued), with <see cref="RedisTimeoutException"/> when it does not answer in time:
/// a call that failed in flight may or may not have taken effect, like any remote store's. A cancelled token abandons
/// the wait, not the command.</para>
/// </summary>
internal sealed partial class RedisIncidentStore(IConnectionMultiplexer redis, RedisStoreSettings settings) :
    IIncidentStore, IDocumentStore, IAppendLog, IIdempotencyStore, ICacheStore, ICounterStore, ILeaseStore,
    ICheckpointStore
{
    private readonly RedisKeys _keys = new(settings.KeyPrefix);

    /// <summary>The key prefix (tests and diagnostics).</summary>
    public string KeyPrefix => _keys.Prefix;

    /// <summary>
    /// The database the connection string selects (<c>defaultDatabase</c>, or a <c>redis://</c> URI's path), unless
    /// <paramref name="cancellationToken"/> has fired already (then nothing is sent).
    /// </summary>
    private IDatabase Database(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return redis.GetDatabase();
    }

    private Task<RedisResult> EvalAsync(string script, RedisKey[] keys, RedisValue[] arguments, CancellationToken cancellationToken) =>
        Within(Database(cancellationToken).ScriptEvaluateAsync(script, keys, arguments), cancellationToken);

    /// <summary>The reply of <paramref name="call"/>; a token that fires gives up the wait (the command may still run).</summary>
    private static Task<T> Within<T>(Task<T> call, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? call.WaitAsync(cancellationToken) : call;

    private static T Read<T>(RedisValue json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, type)
        ?? throw new InvalidDataException($"Redis holds a null {typeof(T).Name} document.");

    private static T Read<T>(RedisResult json, JsonTypeInfo<T> type) => Read((RedisValue)json, type);

    private static T Read<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"A null {typeof(T).Name} document.");

    private static List<T> ReadAll<T>(RedisValue[] list, JsonTypeInfo<T> type)
    {
        var items = new List<T>(list.Length);
        foreach (var json in list)
        {
            items.Add(Read(json, type));
        }

        return items;
    }

    /// <summary>A time to live as whole milliseconds (PX/PEXPIRE): rounded up, at least 1.</summary>
    private static long Milliseconds(TimeSpan ttl, string parameter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, parameter);
        return Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
    }

    /// <summary>
    /// <paramref name="count"/> items of a list from <paramref name="start"/> (LRANGE's stop is inclusive, and a stop
    /// of -1 would mean "to the end", so a count of zero never reaches the server).
    /// </summary>
    private async Task<RedisValue[]> RangeAsync(string key, long start, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? [] : await Within(Database(cancellationToken).ListRangeAsync(key, start, start + count - 1), cancellationToken);
    }
}
