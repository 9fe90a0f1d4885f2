namespace IncidentPlatform.Redis;

/// <summary>The RESP type of a reply.</summary>
public enum RedisValueKind
{
    /// <summary>A null bulk string (<c>$-1</c>) or null array (<c>*-1</c>): a missing key, a timed-out blocking pop.</summary>
    Null,

    /// <summary>A simple string (<c>+OK</c>).</summary>
    SimpleString,

    /// <summary>A bulk (binary-safe) string (<c>$3\r\nfoo</c>).</summary>
    BulkString,

    /// <summary>A 64-bit signed integer (<c>:42</c>).</summary>
    Integer,

    /// <summary>An array of values, possibly nested (<c>*2\r\n…</c>).</summary>
    Array,

    /// <summary>
    /// An error inside an array (a script or transaction result). An error as the whole reply is raised as
    /// <see cref="RedisServerException"/> instead.
    /// </summary>
    Error,
}
