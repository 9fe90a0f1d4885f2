using IncidentPlatform.Detector.Consumers;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Tests.Consumers;

/// <summary>The detection consumers on MassTransit's test harness, over the embedded store (and a fake Splunk when given).</summary>
internal sealed class ConsumerRig : IAsyncDisposable
{
    private ConsumerRig(TestStore store, ServiceProvider provider)
    {
        Store = store;
        Provider = provider;
    }

    public TestStore Store { get; }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness => Provider.GetRequiredService<ITestHarness>();

    public LogSources Sources => Provider.GetRequiredService<LogSources>();

    public static async Task<ConsumerRig> StartAsync(string? splunkUrl = null, DetectorOptions? detector = null)
    {
        var store = await TestStore.EmbeddedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(detector ?? new DetectorOptions()));
        services.AddSingleton(Options.Create(new SplunkOptions { Url = splunkUrl, Token = "s3cret" }));
        services.AddSingleton(store.Services.GetRequiredService<IIdempotencyStore>());
        services.AddSingleton(store.Services.GetRequiredService<ICheckpointStore>());
        services.AddSingleton(store.Services.GetRequiredService<IDocumentStore>());
        services.AddSingleton<TemplateStateRepository>();
        services.AddSingleton<LogSources>();
        services.AddSingleton<SplunkClient>();
        services.AddSingleton<SignalPublisher>();
        services.AddMassTransitTestHarness(x =>
        {
            x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(300));
            x.AddConsumer<RunDetectionConsumer, RunDetectionConsumerDefinition>();
            x.AddConsumer<LogEventsReceivedConsumer, LogEventsReceivedConsumerDefinition>();
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return new ConsumerRig(store, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Store.DisposeAsync();
    }
}
