using Xunit;

namespace IncidentPlatform.Testing;

/// <summary>One RabbitMQ node shared by the tests of a class or an assembly (starting one takes several seconds).</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private RabbitMqServer? _server;

    /// <summary>The running node.</summary>
    public RabbitMqServer Server => _server ?? throw new InvalidOperationException("The RabbitMQ fixture is not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _server = await RabbitMqServer.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
