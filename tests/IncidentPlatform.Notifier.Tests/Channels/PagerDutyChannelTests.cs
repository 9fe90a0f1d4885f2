using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Channels;

public sealed class PagerDutyChannelTests
{
    [Fact]
    public async Task IncidentLifecycle_TriggersAcknowledgesAndResolvesWithTheIncidentAsDedupKey()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/v2/enqueue", async (r, response) =>
        {
            response.StatusCode = 202;
            response.ContentType = "application/json";
            var key = r.Json().GetProperty("dedup_key").GetString();
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(
                response, $"{{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"{key}\"}}");
        });
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Channel("pager", "pagerduty",
            ("RoutingKey", "R0UT1NGKEY"), ("Url", new Uri(fake.BaseAddress, "v2/enqueue").ToString()), ("CoalesceWindow", "00:00:00")));
        var incident = TestData.Incident(severity: Severity.Critical);

        await host.PublishAsync(TestData.Opened(incident));
        await host.PublishAsync(TestData.Updated(incident with { Status = IncidentStatus.Acknowledged, Version = 2 }, "status"));
        await host.PublishAsync(TestData.Resolved(incident with { Version = 2 }));
        await host.PublishAsync(new IncidentAnalyzed
        {
            IncidentId = incident.Id, OccurredAt = TestData.Now,
            Analysis = new IncidentAnalysis
            {
                Category = "timeout", Hypotheses = [], Severity = Severity.High, Provider = "offline", AnalyzedAt = TestData.Now,
            },
        });

        var bodies = fake.Requests.Select(r => r.Json()).ToList();
        bodies.Select(b => b.GetProperty("event_action").GetString()).ShouldBe(["trigger", "acknowledge", "resolve"]);
        bodies.ShouldAllBe(b => b.GetProperty("routing_key").GetString() == "R0UT1NGKEY");
        bodies.ShouldAllBe(b => b.GetProperty("dedup_key").GetString() == incident.Id);
        var payload = bodies[0].GetProperty("payload");
        payload.GetProperty("summary").GetString().ShouldBe("[Critical] Checkout errors");
        payload.GetProperty("source").GetString().ShouldBe("checkout");
        payload.GetProperty("severity").GetString().ShouldBe("critical");
        payload.GetProperty("custom_details").GetProperty("incident_id").GetString().ShouldBe(incident.Id);
        bodies[1].TryGetProperty("payload", out _).ShouldBeFalse();
        (await host.DeliveriesAsync(incident.Id)).ShouldAllBe(d => d.ExternalRef == incident.Id && d.Status == DeliveryStatus.Delivered);
    }

    [Theory]
    [InlineData(Severity.Critical, "critical")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "info")]
    [InlineData(Severity.Info, "info")]
    public void MapSeverity_EachSeverity_IsAPagerDutySeverity(Severity severity, string expected) =>
        Notifier.Channels.PagerDuty.PagerDutyChannel.MapSeverity(severity).ShouldBe(expected);
}
