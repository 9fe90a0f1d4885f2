using System.Diagnostics;
using System.Threading.Channels;
using IncidentPlatform.Gateway.Telemetry;
using IncidentPlatform.ServiceDefaults.Messaging;
using MassTransit;

namespace IncidentPlatform.Gateway.Inbox;

/// <summary>
/// The intake's way onto the bus. <see cref="AdmitAsync"/> writes a message to the <see cref="AlertInbox"/> (one store
/// operation: the message and its "already accepted" marker) and queues it here; only then is the sender answered 202.
/// Workers publish what is queued and mark the entry done: on RabbitMQ once the broker confirmed the publish (publisher
/// confirms), on the in-memory bus once its consumer committed (<see cref="InboxConsumeObserver"/>). A publish that
/// fails is retried with a growing pause; at start every pending entry is published again (at least once: the consumers
/// drop what they already did). Done entries are purged a day later.
/// </summary>
internal sealed partial class InboxRelay(
    AlertInbox inbox, IBusControl bus, IConfiguration configuration, TimeProvider time, ILogger<InboxRelay> logger) : BackgroundService
{
    private const int Workers = 16;
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);
    private readonly Channel<(string Id, InboxEntry Entry)> _queue = Channel.CreateUnbounded<(string, InboxEntry)>();

    /// <summary>On RabbitMQ the broker confirms publishes; on the in-memory bus the consumer's commit counts.</summary>
    private readonly bool _brokerConfirms =
        !string.Equals(configuration[MessagingExtensions.TransportKey], MessagingExtensions.InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Stores the message in the inbox and queues it for publishing; false when it was accepted before (a retry).
    /// </summary>
    /// <exception cref="InboxUnavailableException">The promise cannot be kept now; nothing was stored.</exception>
    public async Task<bool> AdmitAsync(string id, InboxEntry entry)
    {
        if (_brokerConfirms && bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
        {
            throw new InboxUnavailableException("The message broker is not connected; nothing was stored. Retry later.");
        }

        entry = entry with { TraceParent = Activity.Current?.Id };
        bool added;
        try
        {
            added = await inbox.TryAddAsync(id, entry);
        }
        catch (Exception e)
        {
            throw new InboxUnavailableException("The store could not record the delivery; nothing was stored. Retry later.", e);
        }

        if (added)
        {
            _queue.Writer.TryWrite((id, entry));
        }

        return added;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var observer = _brokerConfirms ? null : new Disposable(bus.ConnectConsumeObserver(new InboxConsumeObserver(inbox, logger)));
        var workers = Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)).ToList();
        await ResumeAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await inbox.PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPurgeFailed(logger, e);
            }

            await Delay(PurgeInterval, stoppingToken);
        }

        await Task.WhenAll(workers);
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        for (var attempt = 0; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                var pending = await inbox.PendingAsync(int.MaxValue, ct);
                foreach (var (id, entry) in pending)
                {
                    _queue.Writer.TryWrite((id, entry));
                }

                LogResumed(logger, pending.Count);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogResumeFailed(logger, e);
                await Delay(Pause(attempt), ct);
            }
        }
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (id, entry) in _queue.Reader.ReadAllAsync(ct))
            {
                await RelayAsync(id, entry, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: what is not done stays pending in the inbox for the next start.
        }
    }

    private async Task RelayAsync(string id, InboxEntry entry, CancellationToken ct)
    {
        if (entry.Message is not { } message)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var activity = GatewayTelemetry.Source.StartActivity("gateway.inbox.relay", ActivityKind.Producer, entry.TraceParent);
                activity?.SetTag(GatewayTelemetry.AlertIdTag, entry.Alert?.AlertId);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(PublishTimeout);
                await bus.Publish(message, message.GetType(), timeout.Token);
                if (_brokerConfirms)
                {
                    await inbox.MarkDoneAsync(id, ct);
                }

                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogRelayFailed(logger, e, id, attempt + 1);
                await Delay(Pause(attempt), ct);
            }
        }
    }

    private static TimeSpan Pause(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxPause.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 10))));

    private Task Delay(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, time, ct);

    private sealed class Disposable(ConnectHandle handle) : IDisposable
    {
        public void Dispose() => handle.Disconnect();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {Count} pending entries queued for publishing")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: could not read the pending entries; retrying")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: publishing {Id} failed (attempt {Attempt}); retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox: purging done entries failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
