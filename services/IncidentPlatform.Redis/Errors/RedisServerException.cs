namespace IncidentPlatform.Redis;

/// <summary>
/// The server answered the command with an error reply (<c>WRONGTYPE …</c>, <c>ERR …</c>, <c>NOSCRIPT …</c>).
/// The connection is unaffected and stays usable.
/// </summary>
public sealed class RedisServerException : RedisException
{
    /// <summary>Creates the exception from the server's error text.</summary>
    public RedisServerException(string message)
        : base(message)
    {
    }

    /// <summary>The error prefix the server chose (<c>WRONGTYPE</c>, <c>ERR</c>, <c>NOSCRIPT</c>…): the first word of the message.</summary>
    public string ErrorCode
    {
        get
        {
            var space = Message.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? Message : Message[..space];
        }
    }
}
