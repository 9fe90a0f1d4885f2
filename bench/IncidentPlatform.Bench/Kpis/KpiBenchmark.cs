using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IncidentPlatform.Bench.Store;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Deliveries;
using IncidentPlatform.Gateway.Kpis;
using IncidentPlatform.Gateway.Remediations;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Bench.Kpis;

/// <summary>
/// What one KPI request costs: N incidents spread over 30 days (each with an analysis on its timeline, a remediation
/// document and two delivery records) in a real store, then the 30-day, 7-day and 24-hour KPIs computed cold (nothing
/// reused) and warm (within the reuse period of a 30-day read, as the overview page asks for all three).
/// </summary>
internal sealed class KpiBenchmark : IBenchmark
{
    public string Name => "kpis";

    public string Description => "KPI computation cost over 30 days of incidents [--incidents N] (default 3,000) [--store redis|embedded]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = 3_000;
        var kind = "redis";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--incidents": count = BenchArguments.Positive("--incidents", args[i + 1]); break;
                case "--store": kind = BenchArguments.Choice("--store", args[i + 1], ["redis", "embedded"])[0]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        await using var store = await BenchStore.OpenAsync(kind, cancellationToken);
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(store.Services, count, now, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store.Name}: {count:N0} incidents over 30 days seeded in {seeding.Elapsed.TotalSeconds:F1} s"));

        var clock = new ManualTimeProvider(now);
        var kpis = new KpiService(store.Incidents, store.Services.GetRequiredService<IDocumentStore>(), store.Services.GetRequiredService<IAppendLog>(),
            NullLoggerFactory.Instance, Options.Create(new KpiOptions()), clock);
        foreach (var days in new[] { 30, 7, 1 })
        {
            clock.Advance(TimeSpan.FromMinutes(1)); // past the reuse period: a cold read
            var cold = await TimeAsync(() => kpis.ComputeAsync(now.AddDays(-days), now, null, cancellationToken));
            var warm = await TimeAsync(() => kpis.ComputeAsync(now.AddDays(-days), now, null, cancellationToken));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{days,2} d: {cold.Report.Opened,6:N0} opened, cold {cold.Elapsed.TotalMilliseconds,8:F1} ms, warm {warm.Elapsed.TotalMilliseconds,6:F2} ms"));
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        var overview = Stopwatch.StartNew();
        foreach (var days in new[] { 30, 7, 1 })
        {
            await kpis.ComputeAsync(now.AddDays(-days), now, null, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overview (30 d, 7 d, 24 h in a row as the page asks, cold): {overview.Elapsed.TotalMilliseconds:F1} ms"));
        return 0;
    }

    private static async Task<(KpiReport Report, TimeSpan Elapsed)> TimeAsync(Func<Task<KpiReport>> compute)
    {
        var clock = Stopwatch.StartNew();
        var report = await compute();
        return (report, clock.Elapsed);
    }

    private static async Task SeedAsync(IServiceProvider services, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var incidents = services.GetRequiredService<IIncidentStore>();
        var documents = services.GetRequiredService<IDocumentStore>();
        var log = services.GetRequiredService<IAppendLog>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var step = TimeSpan.FromDays(30) / count;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var at = now - TimeSpan.FromDays(30) + step * i;
            var id = $"inc-bench-{i:D6}";
            var incident = new Incident
            {
                Id = id, Fingerprint = id, Title = "Errors rising", Service = $"svc-{i % 12}", Severity = (Severity)(i % 5),
                Status = IncidentStatus.Open, Source = "bench", CreatedAt = at, UpdatedAt = at, AlertCount = 1, FirstAlertAt = at, LastAlertAt = at,
            };
            var opened = (await incidents.FindOrOpenAsync(id, incident, ct)).Incident;
            var resolvedAt = at.AddMinutes(5 + (i % 50));
            await incidents.TryUpdateAsync(opened with { Status = IncidentStatus.Resolved, ResolvedAt = resolvedAt, ResolvedBy = "remediation", UpdatedAt = resolvedAt }, ct);
            await incidents.AppendTimelineAsync(id, new TimelineEntry
            {
                At = at.AddMinutes(1), Kind = "analyzed", Message = "Analyzed", Actor = "analysis",
                Data = new Dictionary<string, string> { ["cached"] = i % 3 == 0 ? "true" : "false", ["tokens"] = "1800", ["costUsd"] = "0.012" },
            }, ct);
            var remediation = new Contracts.Remediation
            {
                Id = $"rem-bench-{i:D6}", IncidentId = id, ActionId = "ecs.force_new_deployment", Rule = "restart", PolicyVersion = "sha256:bench",
                Risk = RiskLevel.Low, ApprovalMode = ApprovalMode.Auto, State = RemediationState.Verified, RequestedBy = "policy",
                CreatedAt = at.AddMinutes(2), UpdatedAt = at.AddMinutes(4),
            };
            await documents.TryPutAsync(RemediationReader.Collection, remediation.Id, JsonSerializer.Serialize(remediation, json), 0, id, ct);
            foreach (var status in new[] { DeliveryStatus.Delivered, i % 10 == 0 ? DeliveryStatus.Failed : DeliveryStatus.Delivered })
            {
                await log.AppendAsync(DeliveryLogStream.For(id), JsonSerializer.Serialize(new NotificationDelivery
                {
                    Id = $"ntf-{i}-{status}", IncidentId = id, Channel = "ops", ChannelType = "slack-bot", EventType = "IncidentOpened",
                    Status = status, Attempts = 1, At = at,
                }, DeliveryJsonContext.Default.NotificationDelivery), ct);
            }
        });
    }
}
