using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>What the gates decided for one delivery.</summary>
internal sealed record GateResult
{
    /// <summary>Why it is not sent, when it is not.</summary>
    public string? Suppression { get; init; }

    /// <summary>True when it is held for coalescing (sent later by the flusher).</summary>
    public bool Deferred { get; init; }

    /// <summary>A storm summary to send instead.</summary>
    public NotificationEvent? Summary { get; init; }

    /// <summary>Earlier held updates this one replaced or discarded, to record as suppressed.</summary>
    public IReadOnlyList<NotificationEvent> Replaced { get; init; } = [];

    /// <summary>Why <see cref="Replaced"/> were dropped.</summary>
    public string? ReplacedReason { get; init; }

    public static readonly GateResult Send = new();
}
