using System.Net;
using System.Text.RegularExpressions;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// An alert storm through one gateway into two detector replicas racing on the same RabbitMQ queue and Redis store:
/// one incident per fingerprint, and every accepted alert counted exactly once.
/// </summary>
public sealed partial class AlertStormTests(RabbitMqFixture rabbit, RedisFixture redis)
{
    private const int Fingerprints = 4;
    private const int AlertsPerFingerprint = 100;

    [Fact]
    public async Task Storm_TwoDetectorReplicas_OneIncidentPerFingerprintAndNoAlertLost()
    {
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString);
        var processes = await Task.WhenAll(
            ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration),
            ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration),
            ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration));
        try
        {
            var (gateway, detectors) = (processes[0], processes[1..]);
            using var client = gateway.CreateClient().WithKey(Services.AdminKey);
            var service = $"storm-{Guid.NewGuid():N}"[..20];

            // 400 alerts over 4 fingerprints (titles differing only in numbers share one), 16 senders at once.
            var accepted = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, Fingerprints * AlertsPerFingerprint),
                new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                {
                    var title = $"{Problems[i % Fingerprints]} at {i % 97}% of capacity";
                    using var response = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, title, id: $"{service}-{i}"), ct);
                    response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                    Interlocked.Increment(ref accepted);
                });

            var list = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents?service={service}&pageSize=100").JsonAsync(),
                l => l.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("alertCount").GetInt64()) >= accepted, seconds: 120);

            var incidents = list.GetProperty("items").EnumerateArray().ToList();
            accepted.ShouldBe(Fingerprints * AlertsPerFingerprint);
            incidents.Count.ShouldBe(Fingerprints);
            incidents.Sum(i => i.GetProperty("alertCount").GetInt64()).ShouldBe(accepted);
            incidents.ShouldAllBe(i => i.GetProperty("alertCount").GetInt64() == AlertsPerFingerprint);
            incidents.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count().ShouldBe(Fingerprints);

            // The storm did not flood the timelines.
            var detail = await client.GetAsync($"/api/incidents/{incidents[0].GetProperty("id").GetString()}").JsonAsync();
            detail.GetProperty("timeline").GetArrayLength().ShouldBeLessThan(20);

            // Both replicas took part.
            var ids = incidents.Select(i => i.GetProperty("id").GetString()!).ToHashSet();
            foreach (var detector in detectors)
            {
                AppliedLine().Matches(detector.Output).Count(m => ids.Contains(m.Groups["incident"].Value))
                    .ShouldBeGreaterThan(0, $"A detector applied none of the storm:\n{detector.Output[^Math.Min(4000, detector.Output.Length)..]}");
            }
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    private static readonly string[] Problems =
        ["Checkout database pool exhausted", "Payments queue backed up", "Search latency high", "Cart cache misses"];

    [GeneratedRegex(@"Alert alt-\w+ from system-test: (Opened|Updated) incident (?<incident>inc-\w+)")]
    private static partial Regex AppliedLine();
}
