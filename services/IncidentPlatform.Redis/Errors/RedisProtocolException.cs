namespace IncidentPlatform.Redis;

/// <summary>
/// The bytes received are not valid RESP. The connection that produced them is dropped (its in-flight commands
/// fail with <see cref="RedisConnectionException"/>, whose inner exception is this one) and re-established.
/// </summary>
public sealed class RedisProtocolException : RedisException
{
    /// <summary>Creates the exception with a description of what was malformed.</summary>
    public RedisProtocolException(string message)
        : base(message)
    {
    }
}
