namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Another consumer (this replica or another) is sending the same (incident, event, channel) right now; the message
/// is retried later, when that delivery has either finished (and is skipped) or its claim has expired.
/// </summary>
internal sealed class DeliveryInProgressException(string key)
    : Exception($"Notification {key} is being delivered by another consumer.");
