using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>One configured destination speaking one vendor's API.</summary>
internal interface INotificationChannel
{
    /// <summary>The configured name (<c>Notifier:Channels:&lt;name&gt;</c>).</summary>
    string Name { get; }

    /// <summary>The channel type (<see cref="ChannelTypes"/>).</summary>
    string Type { get; }

    /// <summary>The channel's settings.</summary>
    ChannelOptions Options { get; }

    /// <summary>True when the channel keeps state per incident (a thread, an issue), so sends for one incident must not overlap.</summary>
    bool KeepsIncidentState { get; }

    /// <summary>False for events this kind of channel has nothing to say about (PagerDuty and an analysis).</summary>
    bool Accepts(NotificationEvent e);

    /// <summary>Makes one attempt to send. Never throws for vendor or network errors: they become a result.</summary>
    Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}
