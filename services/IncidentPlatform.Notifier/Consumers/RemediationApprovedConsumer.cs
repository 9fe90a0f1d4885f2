using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="RemediationApproved"/>.</summary>
internal sealed class RemediationApprovedConsumer(NotificationDispatcher dispatcher) : IConsumer<RemediationApproved>
{
    public Task Consume(ConsumeContext<RemediationApproved> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="RemediationApprovedConsumer"/>.</summary>
internal sealed class RemediationApprovedConsumerDefinition : NotifierConsumerDefinition<RemediationApprovedConsumer>;
