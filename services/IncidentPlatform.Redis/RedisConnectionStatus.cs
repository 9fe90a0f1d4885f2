namespace IncidentPlatform.Redis;

/// <summary>A snapshot of a connection's state, for health checks and logs.</summary>
/// <param name="State">Connected, reconnecting or disposed.</param>
/// <param name="EndPoint">The server, as <c>host:port</c>.</param>
/// <param name="ReconnectAttempt">The reconnect attempt under way (1 for the first), 0 when connected.</param>
/// <param name="LastError">Why the connection was lost or the last attempt failed; null when connected.</param>
/// <param name="Since">When the connection entered this state.</param>
public sealed record RedisConnectionStatus(
    RedisConnectionState State,
    string EndPoint,
    int ReconnectAttempt,
    Exception? LastError,
    DateTimeOffset Since)
{
    /// <summary>One line: <c>Connected to host:port</c>, or <c>Not connected to host:port: reconnecting (attempt 3), last error: …</c>.</summary>
    public string Description => State switch
    {
        RedisConnectionState.Connected => $"Connected to {EndPoint}",
        RedisConnectionState.Disposed => $"Disposed (was connected to {EndPoint})",
        _ => $"Not connected to {EndPoint}: reconnecting (attempt {ReconnectAttempt}), last error: {LastError?.Message ?? "none"}",
    };
}
