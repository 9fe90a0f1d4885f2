namespace IncidentPlatform.Store;

/// <summary>String values with a time to live (the analysis cache).</summary>
public interface ICacheStore
{
    /// <summary>The value, or null when absent or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores the value for <paramref name="ttl"/> (positive), replacing any value and its time to live.</summary>
    Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Removes the value. False when it was absent or expired.</summary>
    Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);
}
