using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationFailed"/>.</summary>
internal sealed class RemediationFailedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationFailed>
{
    public Task Consume(ConsumeContext<RemediationFailed> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationFailedConsumer"/>.</summary>
internal sealed class RemediationFailedConsumerDefinition : NotifierConsumerDefinition<RemediationFailedConsumer>;
