using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationExecuted"/>.</summary>
internal sealed class RemediationExecutedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationExecuted>
{
    public Task Consume(ConsumeContext<RemediationExecuted> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationExecutedConsumer"/>.</summary>
internal sealed class RemediationExecutedConsumerDefinition : NotifierConsumerDefinition<RemediationExecutedConsumer>;
