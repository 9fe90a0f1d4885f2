using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Store;

/// <summary>
/// Purges incidents resolved longer ago than <see cref="StoreOptions.ResolvedRetention"/>, at start and then every
/// <see cref="StoreOptions.RetentionInterval"/>.
/// </summary>
internal sealed class ResolvedIncidentRetention(
    IIncidentStore store, IOptions<StoreOptions> options, TimeProvider time, ILogger<ResolvedIncidentRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.ResolvedRetention;
        if (retention == TimeSpan.Zero)
        {
            logger.LogInformation("Resolved incidents are kept forever ({Key} is zero)", "IncidentPlatform:ResolvedRetention");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                var purged = await store.PurgeResolvedAsync(time.GetUtcNow() - retention, stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} incidents resolved more than {Retention} ago", purged, retention);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging resolved incidents failed; trying again in {Interval}", options.Value.RetentionInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
