using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>Renews a lease every third of its time to live while a long search runs; notes when it was lost.</summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _renewing;

    private LeaseKeeper(ILeaseStore leases, string name, string owner, TimeSpan ttl, TimeProvider time, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = RenewAsync(leases, name, owner, ttl, time, _stop.Token);
    }

    /// <summary>True once a renewal found the lease held by another owner (or could not tell).</summary>
    public bool Lost { get; private set; }

    public static LeaseKeeper Start(ILeaseStore leases, string name, string owner, TimeSpan ttl, TimeProvider time,
        CancellationToken cancellationToken) => new(leases, name, owner, ttl, time, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewing;
        }
        catch (OperationCanceledException)
        {
            // stopped, as asked
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(ILeaseStore leases, string name, string owner, TimeSpan ttl, TimeProvider time, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(ttl / 3, time, stop);
            bool renewed;
            try
            {
                renewed = await leases.TryAcquireAsync(name, owner, ttl, stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                renewed = false; // the store did not answer: we cannot tell that we still hold it
            }

            if (!renewed)
            {
                Lost = true;
                return;
            }
        }
    }
}
