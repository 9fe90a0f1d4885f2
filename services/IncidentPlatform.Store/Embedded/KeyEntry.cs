namespace IncidentPlatform.Store.Embedded;

/// <summary>A key of one of the small key spaces.</summary>
internal readonly record struct KeyRef(KeySpace Space, string Key);

/// <summary>A key's value (cache value, lease owner, checkpoint), number (counter) and absolute expiry.</summary>
internal sealed record KeyEntry(string? Value, long Number, DateTimeOffset? ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
}
