using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Gateway.Events;

/// <summary>
/// Receives every incident event (<see cref="IIncidentMessage"/>) on an endpoint of this instance alone and hands it to
/// the <see cref="IncidentEventHub"/>. Nothing is stored, so redelivery only repeats a UI refresh.
/// </summary>
internal sealed class IncidentMessageConsumer(IncidentEventHub hub) : IConsumer<IIncidentMessage>
{
    public Task Consume(ConsumeContext<IIncidentMessage> context)
    {
        var type = context.SupportedMessageTypes
            .Select(t => t[(t.LastIndexOf(':') + 1)..])
            .FirstOrDefault(t => t != nameof(IIncidentMessage)) ?? nameof(IIncidentMessage);
        if (!IsEvent(type))
        {
            return Task.CompletedTask;
        }

        hub.Publish(new IncidentEvent(type, context.Message.IncidentId, context.Message.OccurredAt, Incident(context)));
        return Task.CompletedTask;
    }

    // Commands (AnalyzeIncident, SendNotification…) are incident messages too, and request clients publish them; only
    // events, named in the past tense by convention (IncidentOpened, RemediationApproved…), are streamed.
    public static bool IsEvent(string type) => type.EndsWith("ed", StringComparison.Ordinal);

    private static IncidentEventSummary? Incident(ConsumeContext context) =>
        context.TryGetMessage<IncidentOpened>(out var opened) ? IncidentEventSummary.From(opened.Message.Incident)
        : context.TryGetMessage<IncidentUpdated>(out var updated) ? IncidentEventSummary.From(updated.Message.Incident)
        : context.TryGetMessage<IncidentResolved>(out var resolved) ? IncidentEventSummary.From(resolved.Message.Incident)
        : null;
}
