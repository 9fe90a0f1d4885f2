using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationProposed"/>.</summary>
internal sealed class RemediationProposedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationProposed>
{
    public Task Consume(ConsumeContext<RemediationProposed> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationProposedConsumer"/>.</summary>
internal sealed class RemediationProposedConsumerDefinition : NotifierConsumerDefinition<RemediationProposedConsumer>;
