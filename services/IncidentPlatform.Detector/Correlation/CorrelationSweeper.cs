using IncidentPlatform.Detector.Silences;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Every update interval, on one replica at a time (a lease): publishes the coalesced <c>IncidentUpdated</c> of bursts that
/// ended; every quiet-check interval: resolves quiet incidents and forgets routes and silences no longer needed.
/// </summary>
internal sealed class CorrelationSweeper(
    UpdateFlusher flusher, QuietPeriodResolver resolver, SilenceRetention silences, ILeaseStore leases, IBus bus, SweeperStatus status,
    IOptions<CorrelationOptions> options, TimeProvider time, ILogger<CorrelationSweeper> logger) : BackgroundService
{
    public const string LeaseName = "detector:correlation-sweeper";
    private readonly string _owner = Ids.New("sweeper", time);
    private DateTimeOffset _nextQuietCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UpdateInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                status.Failed(e.Message);
                logger.LogWarning(e, "The correlation sweep failed; trying again in {Interval}", options.Value.UpdateInterval);
            }
        }
    }

    /// <summary>One sweep (tests call it directly).</summary>
    public async Task SweepOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!await leases.TryAcquireAsync(LeaseName, _owner, options.Value.UpdateInterval * 3, ct))
        {
            status.Succeeded(now, standby: true);
            return;
        }

        var flushed = await flusher.FlushAsync(now, bus, ct);
        if (flushed > 0)
        {
            logger.LogInformation("Published {Count} coalesced incident updates", flushed);
        }

        if (now >= _nextQuietCheck)
        {
            var resolved = await resolver.ResolveAsync(now, bus, ct);
            var forgotten = await resolver.ForgetRoutesAsync(now, ct);
            var expired = await silences.ForgetExpiredAsync(now, ct);
            if (resolved + forgotten + expired > 0)
            {
                logger.LogInformation("Resolved {Resolved} quiet incidents; forgot {Forgotten} routes and {Expired} expired silences",
                    resolved, forgotten, expired);
            }

            _nextQuietCheck = now + options.Value.QuietCheckInterval;
        }

        status.Succeeded(now, standby: false);
    }
}
