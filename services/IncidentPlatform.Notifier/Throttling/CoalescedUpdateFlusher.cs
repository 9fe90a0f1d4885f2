using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>Sends coalesced updates whose window has ended (every <c>Notifier:FlushInterval</c>).</summary>
internal sealed class CoalescedUpdateFlusher(
    IServiceScopeFactory scopes, IOptions<NotifierOptions> options, FlusherHealth health, TimeProvider time,
    ILogger<CoalescedUpdateFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Passes come with the ticks, the first one FlushInterval after start (never in the middle of start-up).
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FlushAsync(stoppingToken);
                health.Succeeded(time.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                health.Failed(e.Message);
                logger.LogError(e, "Flushing coalesced updates failed");
            }
        }
    }

    /// <summary>One pass: sends every due update (public for tests, which drive time themselves).</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var coalescer = scope.ServiceProvider.GetRequiredService<UpdateCoalescer>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
        var due = await coalescer.ClaimDueAsync(cancellationToken);
        foreach (var (update, version) in due)
        {
            if (channels.Find(update.Channel) is { } channel)
            {
                try
                {
                    await dispatcher.DeliverAsync(update.Event, new RouteTarget(channel, []), DeliveryMode.Coalesced, cancellationToken);
                }
                catch (DeliveryInProgressException)
                {
                    continue; // Another replica has it; its claim expires if it died.
                }
            }

            await coalescer.CompleteAsync(update, version, cancellationToken);
        }

        return due.Count;
    }
}
