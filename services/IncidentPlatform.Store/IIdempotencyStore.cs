namespace IncidentPlatform.Store;

/// <summary>Idempotency keys for consumers (Redis <c>SET NX PX</c>): the first claim wins until it expires.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for <paramref name="ttl"/>; false when someone holds it already.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim (after a failure, so a redelivery can try again).</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
