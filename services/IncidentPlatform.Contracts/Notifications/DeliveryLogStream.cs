namespace IncidentPlatform.Contracts;

/// <summary>
/// Where an incident's delivery log lives: the notifier appends one <see cref="NotificationDelivery"/> (JSON) per
/// outcome to the append-log stream <c>deliveries:{incidentId}</c>; the gateway reads it.
/// </summary>
public static class DeliveryLogStream
{
    /// <summary>The stream name prefix.</summary>
    public const string Prefix = "deliveries:";

    /// <summary>The stream of <paramref name="incidentId"/>.</summary>
    public static string For(string incidentId) => Prefix + incidentId;
}
