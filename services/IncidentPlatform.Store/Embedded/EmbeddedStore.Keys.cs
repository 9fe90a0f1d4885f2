namespace IncidentPlatform.Store.Embedded;

/// <summary>The small key spaces: idempotency claims, cache, counters, leases, checkpoints.</summary>
internal sealed partial class EmbeddedStore
{
    Task<bool> IIdempotencyStore.TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken) =>
        WithExpiry(ttl, KeySpace.Claim, key, (now, _) =>
        {
            if (_state.LiveKey(KeySpace.Claim, key, now) is not null)
            {
                return false;
            }

            Commit(new KeyPut(KeySpace.Claim, key, null, 0, now + ttl));
            return true;
        }, cancellationToken);

    Task IIdempotencyStore.ReleaseAsync(string key, CancellationToken cancellationToken) =>
        RemoveKeyAsync(KeySpace.Claim, key, _ => true, cancellationToken);

    Task<string?> ICacheStore.GetAsync(string key, CancellationToken cancellationToken) =>
        ReadKeyAsync(KeySpace.Cache, key, entry => entry?.Value, cancellationToken);

    Task ICacheStore.SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WithExpiry(ttl, KeySpace.Cache, key,
            (now, _) => Commit(new KeyPut(KeySpace.Cache, key, value, 0, now + ttl)), cancellationToken);
    }

    Task<bool> ICacheStore.RemoveAsync(string key, CancellationToken cancellationToken) =>
        RemoveKeyAsync(KeySpace.Cache, key, _ => true, cancellationToken);

    Task<long> ICounterStore.IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken) =>
        WithExpiry(window, KeySpace.Counter, key, (now, current) =>
        {
            // A fixed window: it starts with the first increment and later increments do not move it.
            var value = (current?.Number ?? 0) + by;
            Commit(new KeyPut(KeySpace.Counter, key, null, value, current?.ExpiresAt ?? now + window));
            return value;
        }, cancellationToken);

    Task<long> ICounterStore.GetAsync(string key, CancellationToken cancellationToken) =>
        ReadKeyAsync(KeySpace.Counter, key, entry => entry?.Number ?? 0, cancellationToken);

    Task<bool> ILeaseStore.TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return WithExpiry(ttl, KeySpace.Lease, name, (now, held) =>
        {
            if (held is not null && held.Value != owner)
            {
                return false;
            }

            Commit(new KeyPut(KeySpace.Lease, name, owner, 0, now + ttl));
            return true;
        }, cancellationToken);
    }

    Task ILeaseStore.ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        RemoveKeyAsync(KeySpace.Lease, name, held => held.Value == owner, cancellationToken);

    Task<string?> ICheckpointStore.GetAsync(string name, CancellationToken cancellationToken) =>
        ReadKeyAsync(KeySpace.Checkpoint, name, entry => entry?.Value, cancellationToken);

    Task ICheckpointStore.SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(() => Commit(new KeyPut(KeySpace.Checkpoint, name, value, 0, null)), cancellationToken);
    }

    private Task<T> ReadKeyAsync<T>(KeySpace space, string key, Func<KeyEntry?, T> read, CancellationToken cancellationToken) =>
        RunAsync(() => read(_state.LiveKey(space, key, _time.GetUtcNow())), cancellationToken);

    /// <summary>Runs a change of a key that will expire after <paramref name="ttl"/>, given the key's live entry.</summary>
    private Task<T> WithExpiry<T>(
        TimeSpan ttl, KeySpace space, string key, Func<DateTimeOffset, KeyEntry?, T> change,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return RunAsync(() =>
        {
            var now = _time.GetUtcNow();
            return change(now, _state.LiveKey(space, key, now));
        }, cancellationToken);
    }

    /// <summary>Removes the key when it is live and <paramref name="mayRemove"/> agrees; true when it did.</summary>
    private Task<bool> RemoveKeyAsync(
        KeySpace space, string key, Func<KeyEntry, bool> mayRemove, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            if (_state.LiveKey(space, key, _time.GetUtcNow()) is not { } entry || !mayRemove(entry))
            {
                return false;
            }

            Commit(new KeyDeleted(space, key));
            return true;
        }, cancellationToken);
}
