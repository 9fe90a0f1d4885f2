using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="IncidentResolved"/>.</summary>
internal sealed class IncidentResolvedConsumer(NotificationDispatcher dispatcher) : IConsumer<IncidentResolved>
{
    public Task Consume(ConsumeContext<IncidentResolved> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="IncidentResolvedConsumer"/>.</summary>
internal sealed class IncidentResolvedConsumerDefinition : NotifierConsumerDefinition<IncidentResolvedConsumer>;
