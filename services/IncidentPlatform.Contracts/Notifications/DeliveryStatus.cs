namespace IncidentPlatform.Contracts;

/// <summary>The outcome of one notification to one channel.</summary>
public enum DeliveryStatus
{
    /// <summary>The channel accepted it.</summary>
    Delivered = 0,

    /// <summary>Every attempt failed.</summary>
    Failed = 1,

    /// <summary>Not sent on purpose: silenced, quiet hours, coalesced into a later message or a storm summary.</summary>
    Suppressed = 2,

    /// <summary>Rendered but not sent (a preview).</summary>
    Preview = 3,
}
