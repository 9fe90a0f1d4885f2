using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests;

/// <summary>
/// The detector module hosted in-process as the standalone host runs it — in-memory bus, embedded store in a
/// temporary data directory — on a manual clock that the test moves forward.
/// </summary>
internal sealed class SignalsHost(TestHost host, FakeClock clock) : IAsyncDisposable
{
    public FakeClock Clock { get; } = clock;

    public IServiceProvider Services => host.Services;

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    /// <summary>Builds the host; throws what starting it throws (options validation…).</summary>
    public static async Task<SignalsHost> StartAsync(FakeClock clock, IReadOnlyDictionary<string, string?> settings)
    {
        var host = await TestHost.StartAsync("ip-detector-", directory =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
            builder.Configuration.AddInMemoryCollection([
                .. TestHost.EmbeddedStore(directory),
                new(MessagingExtensions.TransportKey, MessagingExtensions.InMemory),
                new("Logging:LogLevel:Default", "Warning"),
            ]);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddDetectorModule();
            builder.AddMessaging(bus => bus.AddDetectorConsumers());
            return builder.Build();
        });
        return new SignalsHost(host, clock);
    }

    /// <summary>Moves the clock forward in steps, letting the background services work between steps.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            Clock.Advance(step);
            await Task.Delay(10);
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
