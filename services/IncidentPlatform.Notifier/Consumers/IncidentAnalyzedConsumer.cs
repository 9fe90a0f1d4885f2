using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="IncidentAnalyzed"/>.</summary>
internal sealed class IncidentAnalyzedConsumer(NotificationDispatcher dispatcher) : IConsumer<IncidentAnalyzed>
{
    public Task Consume(ConsumeContext<IncidentAnalyzed> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="IncidentAnalyzedConsumer"/>.</summary>
internal sealed class IncidentAnalyzedConsumerDefinition : NotifierConsumerDefinition<IncidentAnalyzedConsumer>;
