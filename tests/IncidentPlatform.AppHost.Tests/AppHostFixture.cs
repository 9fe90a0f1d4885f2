extern alias AppHost;

using Aspire.Hosting;
using Aspire.Hosting.Testing;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(IncidentPlatform.AppHost.Tests.AppHostFixture))]

namespace IncidentPlatform.AppHost.Tests;

/// <summary>
/// The AppHost, started once for the assembly the way <c>dotnet run --project IncidentPlatform.AppHost</c> starts it
/// (Redis and RabbitMQ containers, the five services as processes), with every resource healthy before a test runs.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>The admin key the tests configure (a user's first run generates one instead).</summary>
    public const string AdminKey = "apphost-test-admin-key-0123456789abcdef";

    /// <summary>The seven resources of the application.</summary>
    public static readonly string[] Resources =
    [
        ResourceNames.Redis, ResourceNames.Messaging, ResourceNames.Detector, ResourceNames.Analysis,
        ResourceNames.Remediation, ResourceNames.Notifier, ResourceNames.Gateway,
    ];

    // Generous: under a loaded machine the containers and five processes take minutes, not seconds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly RecentLogs _logs = new();
    private DistributedApplication? _app;

    /// <summary>The running application.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.IncidentPlatform_AppHost>(
            [$"Parameters:admin-api-key={AdminKey}"], timeout.Token);
        builder.Services.AddLogging(logging => logging.AddProvider(_logs));
        _app = await builder.BuildAsync(timeout.Token);
        var waiting = "the application";
        try
        {
            await _app.StartAsync(timeout.Token);
            foreach (var resource in Resources)
            {
                waiting = $"'{resource}'";
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{waiting} was not healthy within {StartTimeout}. The last logs:\n{_logs}");
        }
    }

    /// <summary>A client of the gateway's HTTP endpoint, acting with the admin key.</summary>
    public HttpClient CreateGatewayClient() => App.CreateHttpClient(ResourceNames.Gateway, "http").WithKey(AdminKey);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
