using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Redis;

/// <summary>The client's log messages, source-generated (stable templates, no boxing when disabled).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Information, "Connected to Redis at {EndPoint}")]
    public static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(2, LogLevel.Warning, "Connection to Redis at {EndPoint} lost with {InFlight} commands in flight")]
    public static partial void ConnectionLost(ILogger logger, string endPoint, int inFlight, Exception cause);

    [LoggerMessage(3, LogLevel.Warning, "Reconnect attempt {Attempt} to Redis at {EndPoint} failed; next in {DelayMs} ms: {Error}")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string endPoint, long delayMs, string error);

    [LoggerMessage(4, LogLevel.Information, "Reconnected to Redis at {EndPoint} after {Attempts} attempts")]
    public static partial void Reconnected(ILogger logger, string endPoint, int attempts);

    [LoggerMessage(5, LogLevel.Warning, "Redis at {EndPoint} refused CLIENT SETNAME: {Error}")]
    public static partial void ClientNameRefused(ILogger logger, string endPoint, string error);
}
