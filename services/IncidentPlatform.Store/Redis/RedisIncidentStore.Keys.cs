namespace IncidentPlatform.Store.Redis;

/// <summary>The small key spaces: idempotency claims, cache, counters, leases, checkpoints (TTLs on the server's clock).</summary>
internal sealed partial class RedisIncidentStore
{
    Task<bool> IIdempotencyStore.TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var expiry = TimeSpan.FromMilliseconds(Milliseconds(ttl, nameof(ttl)));
        return Within(
            Database(cancellationToken).StringSetAsync(_keys.Claim(key), "1", expiry, StackExchange.Redis.When.NotExists),
            cancellationToken);
    }

    Task IIdempotencyStore.ReleaseAsync(string key, CancellationToken cancellationToken) =>
        RemoveAsync(_keys.Claim(key), cancellationToken);

    async Task<string?> ICacheStore.GetAsync(string key, CancellationToken cancellationToken) =>
        await Within(Database(cancellationToken).StringGetAsync(_keys.Cache(key)), cancellationToken);

    Task ICacheStore.SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var expiry = TimeSpan.FromMilliseconds(Milliseconds(ttl, nameof(ttl)));
        return Within(Database(cancellationToken).StringSetAsync(_keys.Cache(key), value, expiry), cancellationToken);
    }

    Task<bool> ICacheStore.RemoveAsync(string key, CancellationToken cancellationToken) =>
        RemoveAsync(_keys.Cache(key), cancellationToken);

    async Task<long> ICounterStore.IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var milliseconds = Milliseconds(window, nameof(window));
        return (long)await EvalAsync(KeyScripts.Increment, [_keys.Counter(key)], [by, milliseconds], cancellationToken);
    }

    async Task<long> ICounterStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await Within(Database(cancellationToken).StringGetAsync(_keys.Counter(key)), cancellationToken);
        return value.IsNull ? 0 : (long)value;
    }

    async Task<bool> ILeaseStore.TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var milliseconds = Milliseconds(ttl, nameof(ttl));
        return (long)await EvalAsync(KeyScripts.AcquireLease, [_keys.Lease(name)], [owner, milliseconds], cancellationToken) == 1;
    }

    async Task ILeaseStore.ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await EvalAsync(KeyScripts.ReleaseLease, [_keys.Lease(name)], [owner], cancellationToken);
    }

    async Task<string?> ICheckpointStore.GetAsync(string name, CancellationToken cancellationToken) =>
        await Within(Database(cancellationToken).StringGetAsync(_keys.Checkpoint(name)), cancellationToken);

    Task ICheckpointStore.SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return Within(Database(cancellationToken).StringSetAsync(_keys.Checkpoint(name), value), cancellationToken);
    }

    private Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        Within(Database(cancellationToken).KeyDeleteAsync(key), cancellationToken);
}
