namespace IncidentPlatform.Contracts;

/// <summary>Event: a channel accepted a notification.</summary>
public sealed record NotificationDelivered : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The delivery.</summary>
    public required NotificationDelivery Delivery { get; init; }
}
