using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="IncidentOpened"/>.</summary>
internal sealed class IncidentOpenedConsumer(NotificationDispatcher dispatcher) : IConsumer<IncidentOpened>
{
    public Task Consume(ConsumeContext<IncidentOpened> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="IncidentOpenedConsumer"/>.</summary>
internal sealed class IncidentOpenedConsumerDefinition : NotifierConsumerDefinition<IncidentOpenedConsumer>;
