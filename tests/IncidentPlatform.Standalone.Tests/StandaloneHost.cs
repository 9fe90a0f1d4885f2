using IncidentPlatform.Analysis;
using IncidentPlatform.Detector;
using IncidentPlatform.Gateway;
using IncidentPlatform.Notifier;
using IncidentPlatform.Remediation;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Standalone.Tests;

/// <summary>
/// The five modules composed as the standalone host's Program.cs composes them (in-memory bus, embedded store in a
/// temporary directory, the sample policy in dry-run, the demo source) on a clock the test moves.
/// </summary>
internal sealed class StandaloneHost(TestHost host, FakeClock clock) : IAsyncDisposable
{
    private const string AdminKey = "standalone-test-admin-key-0123456789";

    public FakeClock Clock { get; } = clock;

    public IServiceProvider Services => host.Services;

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    public IDocumentStore Documents => Services.GetRequiredService<IDocumentStore>();

    public static async Task<StandaloneHost> StartAsync(FakeClock clock, IReadOnlyDictionary<string, string?> settings) =>
        new(await TestHost.StartAsync("ip-standalone-", directory =>
        {
            var builder = TestHost.WebBuilder(directory);
            builder.Configuration.AddInMemoryCollection([
                new("Auth:ApiKeys:admin:Key", AdminKey), new("Auth:ApiKeys:admin:Scopes", "admin"),
                new("Auth:RateLimit:PermitsPerMinute", "0"), // the clock stands still while the test polls
            ]);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddServiceDefaults();
            builder.AddDetectorModule().AddAnalysisModule().AddRemediationModule().AddNotifierModule().AddGatewayModule();
            builder.AddMessaging(bus => bus.AddDetectorConsumers().AddAnalysisConsumers().AddRemediationConsumers()
                .AddNotifierConsumers().AddGatewayConsumers());
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapDetector();
            app.MapAnalysis();
            app.MapRemediation();
            app.MapNotifier();
            app.MapGateway();
            return app;
        }), clock);

    /// <summary>A client of the gateway's REST API with the admin key.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
