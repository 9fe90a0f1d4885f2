using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>
/// In-memory idempotency claims, cache, counters and leases with expiry by the given clock, honouring the store
/// interfaces' documented semantics (until the embedded store is on main and replaces this double).
/// </summary>
internal sealed class InMemoryKeyValues(TimeProvider time) : IIdempotencyStore, ICacheStore, ICounterStore, ILeaseStore
{
    private readonly Dictionary<string, (string Value, DateTimeOffset Expires)> _entries = [];

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            if (Live("claim:" + key) is not null)
            {
                return Task.FromResult(false);
            }

            _entries["claim:" + key] = ("1", time.GetUtcNow() + ttl);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _entries.Remove("claim:" + key);
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult(Live("cache:" + key));
        }
    }

    public Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _entries["cache:" + key] = (value, time.GetUtcNow() + ttl);
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            var present = Live("cache:" + key) is not null;
            _entries.Remove("cache:" + key);
            return Task.FromResult(present);
        }
    }

    public Task<long> IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            var current = Live("counter:" + key);
            var expires = current is null ? time.GetUtcNow() + window : _entries["counter:" + key].Expires;
            var value = long.Parse(current ?? "0") + by;
            _entries["counter:" + key] = (value.ToString(), expires);
            return Task.FromResult(value);
        }
    }

    Task<long> ICounterStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return Task.FromResult(long.Parse(Live("counter:" + key) ?? "0"));
        }
    }

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            var holder = Live("lease:" + name);
            if (holder is not null && holder != owner)
            {
                return Task.FromResult(false);
            }

            _entries["lease:" + name] = (owner, time.GetUtcNow() + ttl);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            if (Live("lease:" + name) == owner)
            {
                _entries.Remove("lease:" + name);
            }
        }

        return Task.CompletedTask;
    }

    private string? Live(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Value : null;
}
