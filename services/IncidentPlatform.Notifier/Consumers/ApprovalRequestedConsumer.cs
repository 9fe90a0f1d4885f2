using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Delivery;
using IncidentPlatform.Notifier.Events;
using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>Notifies the channels routed for <see cref="ApprovalRequested"/>.</summary>
internal sealed class ApprovalRequestedConsumer(NotificationDispatcher dispatcher) : IConsumer<ApprovalRequested>
{
    public Task Consume(ConsumeContext<ApprovalRequested> context) =>
        dispatcher.DispatchAsync(NotificationEventFactory.From(context.Message), context.CancellationToken);
}

/// <summary>Retry of <see cref="ApprovalRequestedConsumer"/>.</summary>
internal sealed class ApprovalRequestedConsumerDefinition : NotifierConsumerDefinition<ApprovalRequestedConsumer>;
