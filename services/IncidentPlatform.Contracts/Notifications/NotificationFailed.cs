namespace IncidentPlatform.Contracts;

/// <summary>Event: a notification could not be delivered after its retries.</summary>
public sealed record NotificationFailed : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The delivery.</summary>
    public required NotificationDelivery Delivery { get; init; }
}
