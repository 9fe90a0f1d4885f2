using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>The latest update of one incident waiting to go to one channel when its coalescing window ends.</summary>
internal sealed record PendingUpdate
{
    public required string Channel { get; init; }

    public required NotificationEvent Event { get; init; }

    /// <summary>When it is sent.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Set while a flusher sends it; another may take it over after this.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }
}
