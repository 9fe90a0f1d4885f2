namespace IncidentPlatform.Redis;

/// <summary>Where a <see cref="RedisConnection"/> stands.</summary>
public enum RedisConnectionState
{
    /// <summary>Connected and authenticated: commands are sent.</summary>
    Connected,

    /// <summary>Not connected; reconnecting in the background. Commands fail fast with <see cref="RedisConnectionException"/>.</summary>
    Reconnecting,

    /// <summary>Disposed: commands throw <see cref="ObjectDisposedException"/>.</summary>
    Disposed,
}
