namespace IncidentPlatform.Store;

/// <summary>
/// Idempotency keys for consumers (Redis <c>SET NX PX</c>): the first claim wins until it expires. Keys here are
/// separate from the keys of the other key-value stores (cache, counters, leases, checkpoints).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for <paramref name="ttl"/> (positive); false when someone holds it already.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim (after a failure, so a redelivery can try again); nothing happens when there is none.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
