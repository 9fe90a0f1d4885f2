namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="NotificationCommandResult"/>): notify about an incident now, or preview the message.</summary>
public sealed record SendNotification : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who asks.</summary>
    public required string Actor { get; init; }

    /// <summary>One channel by name, or every routed channel when null.</summary>
    public string? Channel { get; init; }

    /// <summary>Render only; send nothing.</summary>
    public bool Preview { get; init; }

    /// <summary>An extra message from the requester, added to the notification.</summary>
    public string? Message { get; init; }
}
