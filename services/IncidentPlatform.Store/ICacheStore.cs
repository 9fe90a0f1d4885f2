namespace IncidentPlatform.Store;

/// <summary>String values with a time to live (the analysis cache).</summary>
public interface ICacheStore
{
    /// <summary>The value, or null when absent or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores the value for <paramref name="ttl"/>.</summary>
    Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Removes the value. False when it was absent.</summary>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);
}
