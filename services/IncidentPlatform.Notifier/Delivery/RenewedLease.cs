using IncidentPlatform.Store;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// A lease held for as long as its holder works, however long that is: taken for a short time and renewed every third of
/// it until stopped. No fixed time can bound a send (rate-limit waits, retries with backoff, a slow vendor), so the lease
/// follows the holder's life instead; when the holder's process dies, renewal stops and the lease expires within one
/// time to live, and another worker may take over.
/// </summary>
internal sealed class RenewedLease : IAsyncDisposable
{
    private readonly ILeaseStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    private RenewedLease(ILeaseStore store, string name, string owner, TimeSpan ttl, ILogger logger)
    {
        (_store, Name, Owner) = (store, name, owner);
        _renewal = RenewAsync(ttl, logger);
    }

    /// <summary>The lease's name.</summary>
    public string Name { get; }

    /// <summary>Who holds it.</summary>
    public string Owner { get; }

    /// <summary>Takes the lease and starts renewing it; null when another owner holds it.</summary>
    public static async Task<RenewedLease?> TryAcquireAsync(
        ILeaseStore store, string name, string owner, TimeSpan ttl, ILogger logger, CancellationToken cancellationToken) =>
        await store.TryAcquireAsync(name, owner, ttl, cancellationToken)
            ? new RenewedLease(store, name, owner, ttl, logger)
            : null;

    /// <summary>Stops renewing and gives the lease up now.</summary>
    public async Task ReleaseAsync()
    {
        await DisposeAsync();
        await _store.ReleaseAsync(Name, Owner, CancellationToken.None);
    }

    /// <summary>Stops renewing; the lease then expires by itself.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _renewal;
        _stop.Dispose();
    }

    // On the system clock, not the application's: the store expires the lease by its own real time.
    private async Task RenewAsync(TimeSpan ttl, ILogger logger)
    {
        var every = ttl / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, TimeProvider.System, _stop.Token);
                try
                {
                    if (!await _store.TryAcquireAsync(Name, Owner, ttl, _stop.Token))
                    {
                        logger.LogError("Lease {Lease} was lost by {Owner} while it was still working", Name, Owner);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store may be back before the lease runs out: keep trying.
                    logger.LogWarning(e, "Renewing lease {Lease} failed", Name);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
