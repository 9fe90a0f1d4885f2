using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationInterrupted"/>.</summary>
internal sealed class RemediationInterruptedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationInterrupted>
{
    public Task Consume(ConsumeContext<RemediationInterrupted> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationInterruptedConsumer"/>.</summary>
internal sealed class RemediationInterruptedConsumerDefinition : NotifierConsumerDefinition<RemediationInterruptedConsumer>;
