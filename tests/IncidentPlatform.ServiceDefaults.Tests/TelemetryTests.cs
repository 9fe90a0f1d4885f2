using System.Text;
using IncidentPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task AddServiceDefaults_WithOtlpEndpoint_ExportsTracesMetricsAndLogsWithTheConfiguredResource()
    {
        await using var collector = await FakeHttpServer.StartAsync();
        collector.On(_ => true, 200, "", "application/x-protobuf");
        await using var app = await StartAppAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "telemetry-test-service",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=system-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await client.GetStringAsync("/work")).ShouldBe("done");

        foreach (var signal in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            var request = await collector.WaitForRequestAsync(r => r.Path == signal, TimeSpan.FromSeconds(30));
            request.Header("Content-Type").ShouldBe("application/x-protobuf");
            var body = Encoding.UTF8.GetString(request.Body);
            body.ShouldContain("telemetry-test-service");
            body.ShouldContain("system-test");
        }
    }

    [Fact]
    public async Task AddServiceDefaults_WithoutOtlpEndpoint_StartsAndServesHealth()
    {
        await using var app = await StartAppAsync(new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        (await client.GetStringAsync("/alive")).ShouldContain("Healthy");
        (await client.GetStringAsync("/health")).ShouldContain("Healthy");
    }

    private static async Task<WebApplication> StartAppAsync(Dictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/work", (ILogger<TelemetryTests> logger) =>
        {
            logger.LogInformation("Did some work for {Caller}", "the test");
            return "done";
        });
        await app.StartAsync();
        return app;
    }
}
