using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Detector.Tests.Infrastructure;

/// <summary>
/// The detector module with its consumers on MassTransit's test harness, the embedded store in a temporary directory and
/// a fake clock (which also drives the correlation sweeper's timer).
/// </summary>
public sealed class DetectorHost(TestHost host, FakeClock clock) : IAsyncDisposable
{
    public FakeClock Clock { get; } = clock;

    public IServiceProvider Services => host.Services;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public IIncidentStore Incidents => Services.GetRequiredService<IIncidentStore>();

    public static async Task<DetectorHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        var clock = new FakeClock(CorrelationFixture.T0);
        var host = await TestHost.StartAsync("ip-detector-", directory =>
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection([.. TestHost.EmbeddedStore(directory), .. configuration ?? []]);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddDetectorModule();
            builder.Services.AddMassTransitTestHarness(bus => bus.AddDetectorConsumers());
            return builder.Build();
        });
        return new DetectorHost(host, clock);
    }

    /// <summary>Publishes the alert as the gateway would, and waits until the detector consumed it.</summary>
    public async Task DeliverAsync(Alert alert)
    {
        var before = Harness.Consumed.Select<AlertReceived>(m => m.Context.Message.AlertId == alert.Id).Count();
        await Harness.Bus.Publish(new AlertReceived { AlertId = alert.Id, OccurredAt = Clock.GetUtcNow(), Alert = alert });
        await Eventually.TrueAsync(() => Harness.Consumed.Select<AlertReceived>(m => m.Context.Message.AlertId == alert.Id).Count() > before,
            $"alert {alert.Id} consumed");
    }

    /// <summary>Waits until a message of the type was published (the sweeper publishes on its own schedule).</summary>
    public Task WaitForPublishedAsync<T>() where T : class =>
        Eventually.TrueAsync(() => Harness.Published.Select<T>().Any(), $"a {typeof(T).Name} published");

    public IReadOnlyList<T> Published<T>() where T : class =>
        [.. Harness.Published.Select<T>().Select(m => m.Context.Message)];

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
