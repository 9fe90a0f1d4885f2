using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentPlatform.Testing;
using IncidentPlatform.Testing.Otlp;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// One alert is one trace: the five services export to an OTLP collector as they would to the Aspire dashboard, and
/// the W3C trace context travels in the RabbitMQ messages' headers from the gateway to the notifier.
/// </summary>
public sealed class DistributedTraceTests(RabbitMqFixture rabbit, RedisFixture redis)
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
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString);
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
            using var accepted = await client.PostAsJsonAsync("/api/alerts", new Dictionary<string, object?>
            {
                ["source"] = "cloudwatch", ["title"] = $"CPUUtilization above 95% on {service}", ["severity"] = "high",
                ["message"] = "Threshold Crossed: CPUUtilization 98.2% > 95% for 3 datapoints on instance i-0a1b2c3d4e5f60718",
                ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service,
                ["labels"] = new Dictionary<string, string> { ["metric"] = "CPUUtilization", ["instance_id"] = "i-0a1b2c3d4e5f60718" },
            });
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var alertId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString();

            // A notifier span whose ancestors run back through remediation, analysis and the detector to the gateway's
            // request: the sample policy's proposal, sent on by the notifier, all under the alert's one trace.
            var chain = await Eventually.GetAsync(() => Task.FromResult(LongestChain(collector.Spans)),
                c => ServicesOf(c).SequenceEqual(Hops), "a notifier span descending from the alert's request through every service",
                TimeSpan.FromSeconds(90));

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
    private static List<OtlpSpan> LongestChain(IReadOnlyList<OtlpSpan> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var longest = new List<OtlpSpan>();
        foreach (var span in spans.Where(s => s.Service == "IncidentPlatform.Notifier"))
        {
            var chain = new List<OtlpSpan>();
            for (var current = span; current is not null;
                 current = current.ParentSpanId is { } parent ? byId.GetValueOrDefault(parent) : null)
            {
                chain.Insert(0, current);
            }

            if (ServicesOf(chain).Count > ServicesOf(longest).Count)
            {
                longest = chain;
            }
        }

        return longest;
    }

    // The services a chain passes through, consecutive repeats folded.
    private static List<string> ServicesOf(List<OtlpSpan> chain)
    {
        var services = new List<string>();
        foreach (var span in chain.Where(span => services.Count == 0 || services[^1] != span.Service))
        {
            services.Add(span.Service);
        }

        return services;
    }
}
