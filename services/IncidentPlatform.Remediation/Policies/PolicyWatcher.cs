using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Reloads the policy when its files change: a <see cref="FileSystemWatcher"/> for prompt reloads, and a periodic
/// check because watchers miss events on some file systems (network mounts, some container volumes).
/// </summary>
internal sealed class PolicyWatcher(
    PolicyProvider provider, IOptions<RemediationOptions> options, TimeProvider time, ILogger<PolicyWatcher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);
    private FileSystemWatcher? _watcher;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load happens before anything else starts, so an invalid policy stops the service with its errors;
        // the watcher starts with it, so no change after the load goes unnoticed until the periodic check.
        provider.LoadInitial();
        _watcher = provider.Path is null ? null : CreateWatcher(provider.Path);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (provider.Path is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PolicyCheckInterval, time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var change = _changed.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woke = await Task.WhenAny(tick, change);
                await woke; // Surfaces cancellation.
                var notified = woke == change;
                if (notified)
                {
                    change = _changed.WaitAsync(stoppingToken);
                }
                else
                {
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }

                await provider.CheckAsync(notified ? options.Value.PolicySettleTime : TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Checking the remediation policy at {PolicyPath} failed", provider.Path);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }

    private FileSystemWatcher? CreateWatcher(string path)
    {
        var directory = Directory.Exists(path) ? path : System.IO.Path.GetDirectoryName(path);
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler signal = (_, _) => _changed.Release();
            watcher.Changed += signal;
            watcher.Created += signal;
            watcher.Deleted += signal;
            watcher.Renamed += (_, _) => _changed.Release();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // inotify limits and some mounts refuse watchers: the periodic check still reloads.
            logger.LogWarning(e, "Cannot watch {PolicyDirectory} for policy changes; checking every {Interval}", directory,
                options.Value.PolicyCheckInterval);
            return null;
        }
    }
}
