using IncidentPlatform.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>The small key spaces: idempotency claims, cache, counters, leases, checkpoints (TTLs on the server's clock).</summary>
internal sealed partial class RedisIncidentStore
{
    async Task<bool> IIdempotencyStore.TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var reply = await ExecuteAsync("SET", [_keys.Claim(key), "1", "NX", "PX", Milliseconds(ttl, nameof(ttl))], cancellationToken);
        return !reply.IsNull;
    }

    Task IIdempotencyStore.ReleaseAsync(string key, CancellationToken cancellationToken) =>
        RemoveAsync(_keys.Claim(key), cancellationToken);

    async Task<string?> ICacheStore.GetAsync(string key, CancellationToken cancellationToken) =>
        (await ExecuteAsync("GET", [_keys.Cache(key)], cancellationToken)).ToString();

    async Task ICacheStore.SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        await ExecuteAsync("SET", [_keys.Cache(key), value, "PX", Milliseconds(ttl, nameof(ttl))], cancellationToken);
    }

    Task<bool> ICacheStore.RemoveAsync(string key, CancellationToken cancellationToken) =>
        RemoveAsync(_keys.Cache(key), cancellationToken);

    async Task<long> ICounterStore.IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var milliseconds = Milliseconds(window, nameof(window));
        return (await EvalAsync(KeyScripts.Increment, [_keys.Counter(key)], [by, milliseconds], cancellationToken)).ToInt64();
    }

    async Task<long> ICounterStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await ExecuteAsync("GET", [_keys.Counter(key)], cancellationToken);
        return value.IsNull ? 0 : value.ToInt64();
    }

    async Task<bool> ILeaseStore.TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var milliseconds = Milliseconds(ttl, nameof(ttl));
        return (await EvalAsync(KeyScripts.AcquireLease, [_keys.Lease(name)], [owner, milliseconds], cancellationToken))
            .ToInt64() == 1;
    }

    async Task ILeaseStore.ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await EvalAsync(KeyScripts.ReleaseLease, [_keys.Lease(name)], [owner], cancellationToken);
    }

    async Task<string?> ICheckpointStore.GetAsync(string name, CancellationToken cancellationToken) =>
        (await ExecuteAsync("GET", [_keys.Checkpoint(name)], cancellationToken)).ToString();

    async Task ICheckpointStore.SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        await ExecuteAsync("SET", [_keys.Checkpoint(name), value], cancellationToken);
    }

    private async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        (await ExecuteAsync("DEL", [key], cancellationToken)).ToInt64() == 1;
}
