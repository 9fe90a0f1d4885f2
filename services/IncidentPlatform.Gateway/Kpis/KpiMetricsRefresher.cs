using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>Refreshes <see cref="KpiMetrics"/> every <see cref="KpiOptions.MetricsInterval"/> (0: never, the gauges stay empty).</summary>
internal sealed partial class KpiMetricsRefresher(KpiMetrics metrics, IOptions<KpiOptions> options, TimeProvider time, ILogger<KpiMetricsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.MetricsInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await metrics.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be down for a while; the gauges keep the last figures and the next round tries again.
                LogFailed(logger, e);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the KPI metrics")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
