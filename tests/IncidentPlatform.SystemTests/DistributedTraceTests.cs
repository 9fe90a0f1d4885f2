using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;
using IncidentPlatform.Testing.Otlp;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// One alert is one trace: the five services export to an OTLP collector as they would to the Aspire dashboard, and
/// the W3C trace context travels in the RabbitMQ messages' headers from the gateway to the notifier. The services get a
/// broker of their own: on the shared one, other tests' replicas compete for the same queues and would take some hops
/// (correctly, but out of this collector's sight).
/// </summary>
public sealed class DistributedTraceTests(RedisFixture redis)
{
    private static readonly string[] Hops =
    [
        "IncidentPlatform.Gateway", "IncidentPlatform.Detector", "IncidentPlatform.Analysis", "IncidentPlatform.Remediation",
        "IncidentPlatform.Notifier",
    ];

    [Fact]
    public async Task CpuAlert_AcrossFiveProcesses_IsOneTraceFromTheGatewayThroughRemediationToTheNotifier()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var broker = await RabbitMqServer.StartAsync();
        var configuration = Services.Configuration(broker.ConnectionString, redis.ConnectionString);
        foreach (var (key, value) in collector.ExporterConfiguration())
        {
            configuration[key] = value;
        }

        configuration["Remediation:PolicyPath"] = Path.Combine(
            RepositoryPaths.Root, "services", "IncidentPlatform.Remediation", "Policies", "sample-policy.yaml");
        configuration["Remediation:DryRun"] = "true";
        var services = await Task.WhenAll(Services.All.Select(p => ServiceProcess.StartHealthyAsync(p, configuration)));
        try
        {
            using var client = services.Single(s => s.Project == "IncidentPlatform.Gateway").CreateClient().WithKey(Services.AdminKey);
            var service = $"orders-{Guid.NewGuid():N}"[..16];
            var instance = CpuAlarmLoop.NewInstance(); // the shared Redis counts reboots per instance
            using var accepted = await client.PostAsJsonAsync("/api/alerts", new Dictionary<string, object?>
            {
                ["source"] = "cloudwatch", ["title"] = $"CPUUtilization above 95% on {service}", ["severity"] = "high",
                ["message"] = $"Threshold Crossed: CPUUtilization 98.2% > 95% for 3 datapoints on instance {instance}",
                ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service,
                ["labels"] = new Dictionary<string, string> { ["metric"] = "CPUUtilization", ["instance_id"] = instance },
            });
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var alertId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString();

            // A notifier span whose ancestors run back through remediation, analysis and the detector to the gateway's
            // request: the sample policy's proposal, sent on by the notifier, all under the alert's one trace.
            var chain = (await Eventually.GetAsync(() => Task.FromResult(LongestChain(collector.Spans)),
                c => c.Services.SequenceEqual(Hops), "a notifier span descending from the alert's request through every service",
                TimeSpan.FromSeconds(120))).Spans;

            chain[0].Name.ShouldBe("POST /api/alerts");
            chain.ShouldAllBe(s => s.TraceId == chain[0].TraceId);
            chain.Where(s => s.Service != chain[0].Service).ShouldContain(s => s.Scope == "MassTransit");
            // The services' own spans on the way: the gateway's, findable by the alert's id, and the detector's correlation.
            chain.ShouldContain(s => s.Scope == "incidentplatform.gateway" && s.Attributes.GetValueOrDefault("incidentplatform.alert_id") == alertId);
            chain.ShouldContain(s => s.Scope == "incidentplatform.detector" && s.Name == "detector.correlate");
        }
        finally
        {
            await Task.WhenAll(services.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    // The longest ancestry of a notifier span, root first, as far as the spans have been exported.
    private static Chain LongestChain(IReadOnlyList<OtlpSpan> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var longest = new Chain([]);
        foreach (var span in spans.Where(s => s.Service == "IncidentPlatform.Notifier"))
        {
            var chain = new List<OtlpSpan>();
            for (var current = span; current is not null;
                 current = current.ParentSpanId is { } parent ? byId.GetValueOrDefault(parent) : null)
            {
                chain.Insert(0, current);
            }

            if (new Chain(chain) is var candidate && candidate.Services.Count > longest.Services.Count)
            {
                longest = candidate;
            }
        }

        return longest;
    }

    /// <summary>Spans from a root to a leaf, and the services they pass through (consecutive repeats folded).</summary>
    private sealed record Chain(List<OtlpSpan> Spans)
    {
        public List<string> Services { get; } = Fold(Spans);

        public override string ToString() => $"[{string.Join(" → ", Spans.Select(s => $"{s.Service}: {s.Name}"))}]";

        private static List<string> Fold(List<OtlpSpan> spans)
        {
            var services = new List<string>();
            foreach (var span in spans.Where(span => services.Count == 0 || services[^1] != span.Service))
            {
                services.Add(span.Service);
            }

            return services;
        }
    }
}
