using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>Polls every configured rule in its own loop (see <see cref="SplunkRuleRunner"/>); releases the leases at shutdown.</summary>
internal sealed class SplunkPollingService(
    IOptions<DetectorOptions> options, IOptions<SplunkOptions> splunk, SplunkClient client, ILeaseStore leases,
    ICheckpointStore checkpoints, SignalPublisher publisher, SplunkStatusBoard board, DetectorInstance instance,
    TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    private readonly List<SplunkRuleRunner> _runners = [];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var runner in _runners)
        {
            try
            {
                await runner.ReleaseAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                loggers.CreateLogger<SplunkPollingService>().LogWarning(
                    "Could not release the lease of rule {Rule}: {Error}; it expires by itself", runner.Rule, e.Message);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<SplunkRuleRunner>();
        foreach (var (name, rule) in options.Value.Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            _runners.Add(new SplunkRuleRunner(name, rule, splunk.Value, client, leases, checkpoints, publisher, board,
                instance.Id, time, logger));
        }

        return Task.WhenAll(_runners.Select(r => LoopAsync(r, stoppingToken)));
    }

    private async Task LoopAsync(SplunkRuleRunner runner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await runner.RunAsync(stoppingToken);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }
}
