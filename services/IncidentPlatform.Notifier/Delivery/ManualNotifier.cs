using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// <c>SendNotification</c>: notify about an incident now (past quiet hours, coalescing and the storm guard: a person
/// asked), to one channel or to every channel its routes name, or only render the messages as a preview.
/// </summary>
internal sealed class ManualNotifier(
    IIncidentStore incidents, ChannelRegistry channels, Router router, NotificationDispatcher dispatcher)
{
    public async Task<NotificationCommandResult> HandleAsync(SendNotification command, string requestKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.IncidentId))
        {
            return Refused(422, "IncidentId is required.");
        }

        var incident = await incidents.GetAsync(command.IncidentId, cancellationToken);
        if (incident is null)
        {
            return Refused(404, $"Incident '{command.IncidentId}' does not exist.");
        }

        ConfiguredChannel? only = null;
        if (!string.IsNullOrWhiteSpace(command.Channel) && (only = channels.Find(command.Channel)) is null)
        {
            return Refused(422, $"Channel '{command.Channel}' is not configured (configured: {string.Join(", ", channels.All.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase))}).");
        }

        var e = new NotificationEvent
        {
            Type = EventTypes.Manual,
            Key = requestKey,
            IncidentId = incident.Id,
            OccurredAt = command.OccurredAt,
            Incident = incident,
            Analysis = incident.Analysis,
            Actor = command.Actor,
            Message = command.Message is null ? null : Templates.RenderedText.Truncate(command.Message, 2000),
        };
        var targets = only is null
            ? router.Route(e, ignoreEventType: true)
            : [new RouteTarget(only, [])];
        targets = [.. targets.Where(t => t.Channel.Channel.Accepts(e))];
        if (command.Preview)
        {
            return new NotificationCommandResult { Accepted = true, Deliveries = [.. targets.Select(t => dispatcher.Preview(e, t.Channel))] };
        }

        var deliveries = await Task.WhenAll(targets.Select(t => dispatcher.DeliverAsync(e, t, DeliveryMode.Direct, cancellationToken)));
        return new NotificationCommandResult { Accepted = true, Deliveries = [.. deliveries.OfType<NotificationDelivery>()] };
    }

    private static NotificationCommandResult Refused(int status, string error) =>
        new() { Accepted = false, Status = status, Error = error };
}
