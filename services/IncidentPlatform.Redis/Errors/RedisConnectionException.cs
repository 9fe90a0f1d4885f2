namespace IncidentPlatform.Redis;

/// <summary>
/// The command could not be sent or its reply could not be received: the client is not connected (it is
/// reconnecting in the background), the connection was lost while the command was in flight, or it was disposed.
/// A command that failed in flight may or may not have run on the server; the caller decides whether to retry.
/// </summary>
public sealed class RedisConnectionException : RedisException
{
    /// <summary>Creates the exception with a message and an optional cause (socket, TLS, protocol or server error).</summary>
    public RedisConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
