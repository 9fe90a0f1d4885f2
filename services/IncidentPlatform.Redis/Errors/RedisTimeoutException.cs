namespace IncidentPlatform.Redis;

/// <summary>
/// No reply arrived within the command timeout (<see cref="RedisOptions.CommandTimeout"/>). The command was sent and
/// may still run on the server; its late reply is read and discarded, so the connection stays in sync.
/// </summary>
public sealed class RedisTimeoutException : RedisException
{
    /// <summary>Creates the exception with a message naming the command and the timeout.</summary>
    public RedisTimeoutException(string message)
        : base(message)
    {
    }
}
