using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="IncidentUpdated"/>.</summary>
internal sealed class IncidentUpdatedConsumer(NotificationDispatcher dispatcher) : IConsumer<IncidentUpdated>
{
    public Task Consume(ConsumeContext<IncidentUpdated> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="IncidentUpdatedConsumer"/>.</summary>
internal sealed class IncidentUpdatedConsumerDefinition : NotifierConsumerDefinition<IncidentUpdatedConsumer>;
