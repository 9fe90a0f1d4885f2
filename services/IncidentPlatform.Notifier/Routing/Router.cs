using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Routing;

/// <summary>
/// Chooses the channels for an event from <c>Notifier:Routes</c>: the union of the channels of every rule whose
/// event types, minimum severity, services and labels all match. With no rules, every channel gets every event.
/// </summary>
internal sealed class Router(IOptions<NotifierOptions> options, ChannelRegistry channels)
{
    public IReadOnlyList<RouteTarget> Route(NotificationEvent e, bool ignoreEventType = false)
    {
        var routes = options.Value.Routes;
        if (routes.Count == 0)
        {
            return [.. channels.All.Select(c => new RouteTarget(c, Own(c)))];
        }

        var targets = new Dictionary<string, (ConfiguredChannel Channel, List<Configuration.QuietHoursOptions> Quiet)>(
            StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes.Where(r => Matches(r, e, ignoreEventType)))
        {
            foreach (var name in route.Channels)
            {
                if (channels.Find(name) is not { } channel)
                {
                    continue;
                }

                if (!targets.TryGetValue(channel.Name, out var target))
                {
                    target = (channel, [.. Own(channel)]);
                    targets[channel.Name] = target;
                }

                if (route.QuietHours.IsSet)
                {
                    target.Quiet.Add(route.QuietHours);
                }
            }
        }

        return [.. targets.Values.Select(t => new RouteTarget(t.Channel, t.Quiet))];
    }

    public static bool Matches(Configuration.RouteOptions route, NotificationEvent e, bool ignoreEventType = false)
    {
        if (!ignoreEventType && route.Events.Count > 0 &&
            !route.Events.Contains(e.Type, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (route.MinSeverity is { } min && e.Severity < min)
        {
            return false;
        }

        var incident = e.Incident;
        if (route.Services.Count > 0 &&
            (incident?.Service is not { } service || !route.Services.Contains(service, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        return route.Labels.All(l => incident is not null && incident.Labels.TryGetValue(l.Key, out var value) &&
                                     string.Equals(value, l.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static List<Configuration.QuietHoursOptions> Own(ConfiguredChannel channel) =>
        channel.Channel.Options.QuietHours.IsSet ? [channel.Channel.Options.QuietHours] : [];
}
