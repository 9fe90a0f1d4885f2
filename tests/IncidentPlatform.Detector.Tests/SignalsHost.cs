using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests;

/// <summary>
/// The detector module hosted in-process as the standalone host runs it — in-memory bus, embedded store in a
/// temporary data directory — on a manual clock that the test moves forward.
/// </summary>
internal sealed class SignalsHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SignalsHost(IHost host, string directory, FakeClock clock)
    {
        _host = host;
        Directory = directory;
        Clock = clock;
    }

    public string Directory { get; }

    public FakeClock Clock { get; }

    public IServiceProvider Services => _host.Services;

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    /// <summary>Builds the host; throws what starting it throws (options validation…).</summary>
    public static async Task<SignalsHost> StartAsync(FakeClock clock, IReadOnlyDictionary<string, string?> settings)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("ip-detector-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentPlatform:Store"] = "embedded",
            ["IncidentPlatform:DataDirectory"] = Path.Combine(directory, "data"),
            [MessagingExtensions.TransportKey] = MessagingExtensions.InMemory,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddDetectorModule();
        builder.AddMessaging(bus => bus.AddDetectorConsumers());
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }

        return new SignalsHost(host, directory, clock);
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

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
