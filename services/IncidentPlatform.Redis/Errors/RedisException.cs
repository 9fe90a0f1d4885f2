namespace IncidentPlatform.Redis;

/// <summary>The base of every error this client raises, so a caller can catch them all in one clause.</summary>
public abstract class RedisException : Exception
{
    /// <summary>Creates the exception with a message and an optional cause.</summary>
    protected RedisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
