using Xunit;

namespace IncidentPlatform.Testing;

/// <summary>
/// One <see cref="RedisServer"/> (default options) shared by a test class (<c>IClassFixture&lt;RedisFixture&gt;</c>) or
/// an assembly (<c>[assembly: AssemblyFixture(typeof(RedisFixture))]</c>). Tests sharing it use their own keys.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    /// <summary>The running server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture has not been initialized.");

    /// <summary>The server's connection string (<c>127.0.0.1:P</c>).</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await RedisServer.StartNewAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
