using IncidentPlatform.Redis;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The process's one <see cref="RedisConnection"/>, made on first demand (the <see cref="RedisConnectionStarter"/>
/// demands it as the host starts) and shared by the store and the health check. It is made with
/// <c>abortConnect=false</c> semantics: when Redis is down the first attempt fails, the connection keeps reconnecting
/// in the background, and calls fail fast with <see cref="RedisConnectionException"/> until it is back, while the
/// service starts and reports itself not ready.
/// </summary>
internal sealed class RedisConnectionSource : IAsyncDisposable
{
    private readonly Lazy<Task<RedisConnection>> _connection;
    private readonly bool _owned;

    /// <summary>Connects with <paramref name="options"/> on first demand and owns the connection.</summary>
    public RedisConnectionSource(RedisOptions options, ILogger logger)
    {
        _connection = new(() => RedisConnection.ConnectAsync(options, logger));
        _owned = true;
    }

    /// <summary>Hands out an existing connection, which stays its creator's to dispose.</summary>
    public RedisConnectionSource(RedisConnection connection)
    {
        _connection = new(Task.FromResult(connection));
    }

    /// <summary>The connection, once its first attempt to connect has finished (whatever its outcome).</summary>
    public Task<RedisConnection> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (!_owned || !_connection.IsValueCreated)
        {
            return;
        }

        var connecting = _connection.Value; // a first attempt still running ends within the connect timeout
        await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (connecting.IsCompletedSuccessfully)
        {
            await connecting.Result.DisposeAsync();
        }
    }
}
