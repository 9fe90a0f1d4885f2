using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Files;

/// <summary>
/// Runs every tailer in its own loop: poll, push the records through the source's miner and anomaly detector, then
/// store the offsets. A failure is logged, shown in <c>/health</c>, and retried at the next poll.
/// </summary>
internal sealed class FileTailService(FileTailers tailers, LogSources sources, TimeProvider time, ILogger<FileTailService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(tailers.All.Select(t => RunAsync(t, stoppingToken)));

    private async Task RunAsync(FileTailer tailer, CancellationToken stoppingToken)
    {
        logger.LogInformation("Tailing {Glob} as log source {Source}", tailer.Options.Path, tailer.SourceId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                var source = await sources.GetAsync(tailer.SourceId, tailer.Options.WarmUp, tailer.Options.Labels);
                var batch = await tailer.PollAsync(stoppingToken);
                await source.ProcessAsync(batch.Records, stoppingToken);
                await tailer.CommitAsync(stoppingToken);
                more = batch.More;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                tailer.Fail(e.Message);
                logger.LogError(e, "Tailing {Source} failed; trying again in {Interval}", tailer.SourceId, tailer.Options.PollInterval);
            }

            if (!more)
            {
                await Task.Delay(tailer.Options.PollInterval, time, stoppingToken);
            }
        }
    }
}
