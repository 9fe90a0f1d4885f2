namespace IncidentPlatform.Store;

/// <summary>Leases so that with several replicas one of them does a job (polls a rule, tails a file).</summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease for <paramref name="ttl"/> if it is free or already held by <paramref name="owner"/> (which
    /// extends it to <paramref name="ttl"/> from now); false when another owner holds it. An expired lease is free.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Releases the lease if <paramref name="owner"/> holds it; otherwise nothing happens.</summary>
    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default);
}
