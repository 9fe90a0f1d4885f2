using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Answers <see cref="SendNotification"/> with a <see cref="NotificationCommandResult"/>.</summary>
internal sealed class SendNotificationConsumer(ManualNotifier notifier) : IConsumer<SendNotification>
{
    public async Task Consume(ConsumeContext<SendNotification> context)
    {
        // The request's id keys the deliveries, so a redelivered request posts nothing twice.
        var key = (context.RequestId ?? context.MessageId)?.ToString("N") ?? Guid.NewGuid().ToString("N");
        var result = await notifier.HandleAsync(context.Message, key, context.CancellationToken);
        await context.RespondAsync(result);
    }
}

/// <summary>Retry of <see cref="SendNotificationConsumer"/>.</summary>
internal sealed class SendNotificationConsumerDefinition : NotifierConsumerDefinition<SendNotificationConsumer>;
