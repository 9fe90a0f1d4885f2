using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// The clock of log detection: every tick it closes the due buckets of every source, publishes their signals (kept and
/// retried while the bus refuses), and saves changed state; at shutdown it saves everything.
/// </summary>
internal sealed class LogPipelineService(
    LogSources sources, SignalPublisher publisher, TemplateStateRepository templates, ICheckpointStore checkpoints,
    IOptions<DetectorOptions> options, TimeProvider time, ILogger<LogPipelineService> logger) : BackgroundService
{
    private const int MaxPending = 10_000;
    private readonly List<DetectorSignal> _pending = [];
    private readonly SemaphoreSlim _tick = new(1, 1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TickAsync(final: true, CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Anomaly.TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickAsync(final: false, stoppingToken);
        }
    }

    /// <summary>One round over the sources. Never throws (but for cancellation): failures are logged and retried.</summary>
    public async Task TickAsync(bool final, CancellationToken cancellationToken)
    {
        await _tick.WaitAsync(cancellationToken);
        try
        {
            foreach (var source in sources.Loaded)
            {
                try
                {
                    _pending.AddRange(await source.CloseAsync(cancellationToken));
                    await source.SaveAsync(templates, checkpoints, options.Value.Anomaly.TemplateSaveInterval, final, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Saving log source {Source} failed; trying again on the next tick", source.Id);
                }
            }

            await PublishPendingAsync(cancellationToken);
        }
        finally
        {
            _tick.Release();
        }
    }

    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        try
        {
            await publisher.PublishAsync(_pending, cancellationToken);
            _pending.Clear();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (_pending.Count > MaxPending)
            {
                logger.LogError("Dropping {Count} signals that could not be published", _pending.Count - MaxPending);
                _pending.RemoveRange(0, _pending.Count - MaxPending);
            }

            // Already published ones are published again next time: their alert ids are the same, so that is harmless.
            logger.LogWarning(e, "Publishing {Count} log signals failed; retrying on the next tick", _pending.Count);
        }
    }
}
