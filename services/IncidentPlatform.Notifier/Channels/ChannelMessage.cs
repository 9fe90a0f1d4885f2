using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>A notification rendered for one channel.</summary>
/// <param name="Event">The event.</param>
/// <param name="Title">The title or subject.</param>
/// <param name="Body">The body.</param>
/// <param name="DeliveryId">Our id for this delivery, the same for every attempt.</param>
/// <param name="IdempotencyKey">The (incident, event, channel) key, sent where the receiver can use it to drop duplicates.</param>
internal sealed record ChannelMessage(
    NotificationEvent Event, RenderedText Title, RenderedText Body, string DeliveryId, string IdempotencyKey);
