using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Tests.Splunk;

/// <summary>The real lease store, counting the successful acquisitions and renewals (to wait for a renewal to land).</summary>
internal sealed class CountingLeaseStore(ILeaseStore inner) : ILeaseStore
{
    private int _acquired;

    public int Acquired => Volatile.Read(ref _acquired);

    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var acquired = await inner.TryAcquireAsync(name, owner, ttl, cancellationToken);
        if (acquired)
        {
            Interlocked.Increment(ref _acquired);
        }

        return acquired;
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        inner.ReleaseAsync(name, owner, cancellationToken);
}
