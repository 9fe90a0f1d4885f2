using IncidentPlatform.Store;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>In-memory cache, counters and idempotency keys with expiry on the given clock, as the interfaces document
/// them (fixed counter windows from the first increment, first claim wins until it expires).</summary>
internal sealed class InMemoryKeyStore(TimeProvider time) : ICacheStore, ICounterStore, IIdempotencyStore
{
    private readonly Dictionary<string, (string Value, DateTimeOffset Expires)> _cache = [];
    private readonly Dictionary<string, (long Value, DateTimeOffset Expires)> _counters = [];
    private readonly Dictionary<string, DateTimeOffset> _claims = [];
    private readonly Lock _lock = new();

    Task<string?> ICacheStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_cache.TryGetValue(key, out var e) && e.Expires > time.GetUtcNow() ? e.Value : null);
        }
    }

    public Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _cache[key] = (value, time.GetUtcNow() + ttl);
            return Task.CompletedTask;
        }
    }

    public Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_cache.Remove(key, out var e) && e.Expires > time.GetUtcNow());
        }
    }

    public Task<long> IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var current = _counters.TryGetValue(key, out var c) && c.Expires > now ? c : (0, now + window);
            _counters[key] = (current.Value + by, current.Expires);
            return Task.FromResult(current.Value + by);
        }
    }

    Task<long> ICounterStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_counters.TryGetValue(key, out var c) && c.Expires > time.GetUtcNow() ? c.Value : 0);
        }
    }

    public Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_claims.TryGetValue(key, out var expires) && expires > now)
            {
                return Task.FromResult(false);
            }

            _claims[key] = now + ttl;
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _claims.Remove(key);
            return Task.CompletedTask;
        }
    }
}
