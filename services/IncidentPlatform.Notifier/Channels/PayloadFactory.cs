using IncidentPlatform.Notifier.Serialization;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>The structured payload of a message, shared by the webhook and console channels.</summary>
internal static class PayloadFactory
{
    public static WebhookPayload Create(string channel, ChannelMessage message) => new()
    {
        DeliveryId = message.DeliveryId,
        Channel = channel,
        EventType = message.Event.Type,
        IncidentId = message.Event.IncidentId,
        OccurredAt = message.Event.OccurredAt,
        Severity = message.Event.Severity,
        Title = message.Title.ToPlain(),
        Text = message.Body.ToPlain(),
        Incident = message.Event.Incident,
        Remediation = message.Event.Remediation,
        Analysis = message.Event.Analysis,
    };
}
