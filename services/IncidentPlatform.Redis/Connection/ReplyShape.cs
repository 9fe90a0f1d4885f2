namespace IncidentPlatform.Redis;

/// <summary>What the caller of a command wants from its reply; lets the typed helpers return without a wrapper task.</summary>
internal enum ReplyShape : byte
{
    /// <summary>The reply itself.</summary>
    Value,

    /// <summary>The reply as a 64-bit integer.</summary>
    Int64,

    /// <summary>Whether the reply is not null (SET with NX/XX).</summary>
    NotNull,

    /// <summary>Whether the reply is the integer 1 (PEXPIRE, HSET of one field, ZADD of one member).</summary>
    IsOne,
}
