using System.Diagnostics;
using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Bench.Notifier;

/// <summary>
/// End-to-end notifications per second through the notifier module on the in-memory bus and the embedded store: each
/// IncidentOpened is consumed, claimed (idempotency), routed, rendered, POSTed to a loopback webhook receiver, logged in
/// the incident's delivery log and announced (NotificationDelivered). Storm protection and rate limit are off.
/// </summary>
internal sealed class NotifierThroughputBenchmark : IBenchmark
{
    public string Name => "notifier-throughput";

    public string Description => "notifier end-to-end deliveries/s to a loopback webhook [--events N] (default 5,000)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = args is ["--events", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 5_000;
        await using var receiver = await FakeHttpServer.StartAsync();
        receiver.On(r => r.Path == "/hook", 200, "");
        var directory = Directory.CreateTempSubdirectory("ip-bench-notifier-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [MessagingExtensions.TransportKey] = MessagingExtensions.InMemory,
            ["IncidentPlatform:Store"] = "embedded",
            ["IncidentPlatform:DataDirectory"] = directory,
            ["Notifier:Channels:bench:Type"] = "webhook",
            ["Notifier:Channels:bench:Url"] = new Uri(receiver.BaseAddress, "hook").ToString(),
            ["Notifier:Channels:bench:Secret"] = "bench",
            ["Notifier:Channels:bench:StormThreshold"] = "0",
            ["Notifier:Channels:bench:RateLimit"] = "0",
        });
        builder.AddServiceDefaults();
        builder.AddNotifier();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            await RunAsync(bus, receiver, 200, cancellationToken); // warm-up
            var elapsed = await RunAsync(bus, receiver, total, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{total:N0} notifications in {elapsed.TotalSeconds:F2} s: {total / elapsed.TotalSeconds:N0} deliveries/s end to end"));
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<TimeSpan> RunAsync(IBus bus, FakeHttpServer receiver, int count, CancellationToken cancellationToken)
    {
        var before = receiver.Requests.Count;
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Incident(i, now)).Select(incident =>
            bus.Publish(new IncidentOpened { IncidentId = incident.Id, OccurredAt = now, Incident = incident }, cancellationToken)));
        while (receiver.Requests.Count < before + count)
        {
            await Task.Delay(5, cancellationToken);
        }

        return clock.Elapsed;
    }

    private static Incident Incident(int i, DateTimeOffset now)
    {
        var id = Ids.New("inc");
        return new Incident
        {
            Id = id, Fingerprint = id, Title = $"Benchmark incident {i}", Service = "bench", Severity = Severity.High,
            Status = IncidentStatus.Open, Source = "bench", CreatedAt = now, UpdatedAt = now, Version = 1,
        };
    }
}
