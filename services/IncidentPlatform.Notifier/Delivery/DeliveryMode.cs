namespace IncidentPlatform.Notifier.Delivery;

/// <summary>Which gates a delivery passes through.</summary>
internal enum DeliveryMode
{
    /// <summary>An event as it arrives: quiet hours, coalescing, storm guard, rate limit.</summary>
    Normal = 0,

    /// <summary>A coalesced update whose window ended: storm guard and rate limit (quiet hours were checked on arrival).</summary>
    Coalesced = 1,

    /// <summary>Asked for by a person, or a storm summary: rate limit only.</summary>
    Direct = 2,
}
