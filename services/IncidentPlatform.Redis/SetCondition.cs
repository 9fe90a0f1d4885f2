namespace IncidentPlatform.Redis;

/// <summary>When <c>SET</c> writes.</summary>
public enum SetCondition
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only if the key does not exist (<c>NX</c>): a lock, an idempotency marker.</summary>
    IfNotExists,

    /// <summary>Only if the key exists (<c>XX</c>).</summary>
    IfExists,
}
