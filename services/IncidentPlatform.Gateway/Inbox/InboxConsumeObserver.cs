using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Gateway.Inbox;

/// <summary>
/// On the in-memory bus (the standalone host), where a publish only hands the message to a queue in this process, an
/// inbox entry is done when its consumer has committed: this observer marks it after the consumer of
/// <see cref="AlertReceived"/> or <see cref="LogEventsReceived"/> returned. A consumer that faults leaves it pending,
/// and the relay publishes it again at the next start.
/// </summary>
internal sealed partial class InboxConsumeObserver(AlertInbox inbox, ILogger logger) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public async Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var id = context.Message switch
        {
            AlertReceived alert => alert.AlertId,
            LogEventsReceived logs => logs.BatchId,
            _ => null,
        };
        if (id is null)
        {
            return;
        }

        try
        {
            await inbox.MarkDoneAsync(id, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Left pending: the next start publishes it again, and the consumers drop what they already did.
            LogNotMarked(logger, e, id);
        }
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark inbox entry {Id} done; it is relayed again at the next start")]
    private static partial void LogNotMarked(ILogger logger, Exception exception, string id);
}
