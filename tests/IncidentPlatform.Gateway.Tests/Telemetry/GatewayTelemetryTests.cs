using System.Diagnostics.Metrics;
using System.Net;
using IncidentPlatform.Gateway.Telemetry;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Telemetry;

public sealed class GatewayTelemetryTests
{
    private const string Accepted = "incidentplatform.gateway.alerts.accepted";
    private const string Rejected = "incidentplatform.gateway.alerts.rejected";

    [Fact]
    public async Task PostAlert_AcceptedRetriedAndInvalid_AreCountedBySourceAndRoute()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var metrics = Record(host);
        using var client = host.Client(TestKeys.Writer);

        (await client.PostAsync("/api/alerts", Wire.Alert(source: "telemetry-test", id: "ext-1"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync("/api/alerts", Wire.Alert(source: "telemetry-test", id: "ext-1"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync("/api/alerts", Wire.Body("{\"title\":\"no source\"}"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        metrics.Total(Accepted, ("source", "telemetry-test"), ("duplicate", false)).ShouldBe(1);
        metrics.Total(Accepted, ("source", "telemetry-test"), ("duplicate", true)).ShouldBe(1);
        metrics.Total(Rejected, ("http.route", "/api/alerts"), ("http.response.status_code", 400)).ShouldBe(1);
    }

    [Fact]
    public async Task Requests_WithoutAKeyOrWithoutTheScope_AreCountedAsAuthFailures()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var metrics = Record(host);

        (await host.Client(apiKey: null).GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client("not-a-configured-key-at-all").GetAsync("/api/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client(TestKeys.Reader).PostAsync("/api/alerts", Wire.Alert())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        metrics.Total("incidentplatform.gateway.auth.failures", ("reason", "unauthenticated")).ShouldBe(2);
        metrics.Total("incidentplatform.gateway.auth.failures", ("reason", "forbidden")).ShouldBe(1);
    }

    [Fact]
    public async Task McpToolCalls_AreCountedByToolAndOutcome()
    {
        await using var host = await GatewayTestHost.StartAsync();
        using var metrics = Record(host);
        await using var reader = await McpClients.ConnectAsync(host, TestKeys.Reader);

        await reader.CallAsync("incident_management", new { action = "list" });
        await reader.CallAsync("incident_management", new { action = "delete", id = "inc-x" });

        metrics.Total("incidentplatform.gateway.mcp.tool_calls", ("tool", "incident_management"), ("outcome", "ok")).ShouldBe(1);
        metrics.Total("incidentplatform.gateway.mcp.tool_calls", ("tool", "incident_management"), ("outcome", "forbidden")).ShouldBe(1);
    }

    private static MetricRecorder Record(GatewayTestHost host) =>
        new(host.Services.GetRequiredService<IMeterFactory>(), GatewayTelemetry.Name);
}
