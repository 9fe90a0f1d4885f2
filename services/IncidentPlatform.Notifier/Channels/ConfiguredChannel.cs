using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>A channel with its templates: renders an event the way this channel was configured to say it.</summary>
internal sealed class ConfiguredChannel(INotificationChannel channel, MessageTemplate? title, MessageTemplate? text)
{
    public INotificationChannel Channel => channel;

    public string Name => channel.Name;

    public RenderedText RenderTitle(NotificationEvent e) =>
        title is null || e.Type == EventTypes.StormSummary ? EventSummary.DefaultTitle(e) : title.Render(e);

    public RenderedText RenderBody(NotificationEvent e) =>
        text is null || e.Type == EventTypes.StormSummary ? EventSummary.DefaultBody(e) : text.Render(e);
}
