using System.Diagnostics;
using System.Text;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Testing;
using IncidentPlatform.Testing.Otlp;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    private static readonly ActivitySource ServiceSource = new("incidentplatform.telemetrytest");

    [Fact]
    public async Task AddServiceDefaults_WithOtlpEndpoint_ExportsTracesMetricsAndLogsWithTheConfiguredResource()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var configuration = collector.ExporterConfiguration();
        configuration["OTEL_SERVICE_NAME"] = "telemetry-test-service";
        configuration["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=system-test";
        await using var app = await StartAppAsync(configuration);

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
    public async Task PublishInARequest_ConsumersAndTheirMessages_ShareTheRequestsTrace()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var app = await StartAppAsync(collector.ExporterConfiguration());
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        (await client.GetStringAsync("/health")).ShouldContain("Healthy");

        (await client.PostAsync("/ping", null)).EnsureSuccessStatusCode();

        // The request → publish Ping → consume Ping → publish Pong → consume Pong → the service's own span; parents end
        // after their children, so wait until the whole chain up to the request has been exported.
        var chain = await Eventually.GetAsync(() => Task.FromResult(AncestryOfFirst(collector.Spans, ServiceSource.Name)),
            found => found.Any(s => s.Scope == "Microsoft.AspNetCore"), "the pong consumer's span and its ancestry up to the request",
            TimeSpan.FromSeconds(30));
        var request = chain.FindIndex(s => s.Scope == "Microsoft.AspNetCore");
        request.ShouldBeGreaterThan(0, "the request's span is an ancestor of the consumer's");
        chain[request].Name.ShouldBe("POST /ping");
        var bus = chain[1..request];
        bus.ShouldAllBe(s => s.Scope == "MassTransit");
        bus.Select(s => s.Name).ShouldContain(n => n.EndsWith("Pong send", StringComparison.Ordinal));
        bus.Select(s => s.Name).ShouldContain(n => n.EndsWith("Ping send", StringComparison.Ordinal));
        bus.Count.ShouldBeGreaterThanOrEqualTo(4); // a send and a receive or process per hop
        chain.ShouldAllBe(s => s.Service == "IncidentPlatform.ServiceDefaults.Tests" && s.TraceId == chain[0].TraceId);
        collector.Spans.ShouldNotContain(s => s.Name.Contains("/health"));
    }

    [Fact]
    public async Task AddServiceDefaults_WithoutOtlpEndpoint_StartsAndServesHealth()
    {
        await using var app = await StartAppAsync(new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        (await client.GetStringAsync("/alive")).ShouldContain("Healthy");
        (await client.GetStringAsync("/health")).ShouldContain("Healthy");
    }

    // The first span from the scope, its parent, its parent's parent… as far as they have been exported.
    private static List<OtlpSpan> AncestryOfFirst(IReadOnlyList<OtlpSpan> spans, string scope)
    {
        var chain = spans.Where(s => s.Scope == scope).Take(1).ToList();
        while (chain.Count > 0 && chain[^1].ParentSpanId is { } parent && spans.FirstOrDefault(s => s.SpanId == parent) is { } next)
        {
            chain.Add(next);
        }

        return chain;
    }

    private static async Task<WebApplication> StartAppAsync(Dictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Configuration[MessagingExtensions.TransportKey] = MessagingExtensions.InMemory;
        builder.AddServiceDefaults();
        builder.AddMessaging(bus => bus.AddConsumers(typeof(PingConsumer), typeof(PongConsumer)));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/work", (ILogger<TelemetryTests> logger) =>
        {
            logger.LogInformation("Did some work for {Caller}", "the test");
            return "done";
        });
        app.MapPost("/ping", async (IPublishEndpoint bus) =>
        {
            await bus.Publish(new Ping(Guid.NewGuid()));
            return "sent";
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>A message the test publishes from a request.</summary>
    public sealed record Ping(Guid Id);

    /// <summary>The message its consumer publishes in turn.</summary>
    public sealed record Pong(Guid Id);

    /// <summary>Answers a ping with a pong.</summary>
    public sealed class PingConsumer : IConsumer<Ping>
    {
        /// <inheritdoc />
        public Task Consume(ConsumeContext<Ping> context) => context.Publish(new Pong(context.Message.Id));
    }

    /// <summary>Records a span of the service's own, as the services' consumers do.</summary>
    public sealed class PongConsumer : IConsumer<Pong>
    {
        /// <inheritdoc />
        public Task Consume(ConsumeContext<Pong> context)
        {
            using var activity = ServiceSource.StartActivity("pong");
            return Task.CompletedTask;
        }
    }
}
