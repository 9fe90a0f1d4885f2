using IncidentPlatform.Testing;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>A test class with its own vendor fake (AWS, a webhook receiver, PagerDuty) per test.</summary>
public abstract class FakeServerTest : IAsyncLifetime
{
    private FakeHttpServer? _server;

    /// <summary>The fake, started before each test.</summary>
    protected FakeHttpServer Server => _server ?? throw new InvalidOperationException("The fake server is not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await FakeHttpServer.StartAsync();
        Answer(_server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Default answers for every test of the class.</summary>
    protected virtual void Answer(FakeHttpServer server)
    {
    }
}
