using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationRejected"/>.</summary>
internal sealed class RemediationRejectedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationRejected>
{
    public Task Consume(ConsumeContext<RemediationRejected> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationRejectedConsumer"/>.</summary>
internal sealed class RemediationRejectedConsumerDefinition : NotifierConsumerDefinition<RemediationRejectedConsumer>;
