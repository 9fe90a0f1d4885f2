using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Incidents;

public sealed class IncidentCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Acknowledge_ThenResolve_ChangesStatusRecordsActorAndTimeline()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        using var client = host.Client(TestKeys.Writer);

        var acknowledged = await (await client.PostAsync($"/api/incidents/{incident.Id}/acknowledge", null)).ReadAsync();
        using var resolve = await client.PostAsync($"/api/incidents/{incident.Id}/resolve", Wire.Body("""{"reason": "rolled back"}"""));

        acknowledged.GetProperty("status").GetString().ShouldBe("acknowledged");
        acknowledged.GetProperty("acknowledgedBy").GetString().ShouldBe("writer");
        resolve.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await (await client.GetAsync($"/api/incidents/{incident.Id}")).ReadAsync();
        detail.GetProperty("status").GetString().ShouldBe("resolved");
        detail.GetProperty("resolvedBy").GetString().ShouldBe("writer");
        detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .ShouldBe(["acknowledged", "resolved"]);
        detail.GetProperty("timeline")[1].GetProperty("message").GetString()!.ShouldContain("rolled back");
    }

    [Fact]
    public async Task Acknowledge_ResolvedIncident_Returns409()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        using var client = host.Client(TestKeys.Writer);
        await client.PostAsync($"/api/incidents/{incident.Id}/resolve", null);

        using var response = await client.PostAsync($"/api/incidents/{incident.Id}/acknowledge", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Patch_ChangesTitleSeverityAndLabels()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0);

        var updated = await (await host.Client(TestKeys.Writer).PatchAsync($"/api/incidents/{incident.Id}",
            Wire.Body("""{"title": "Checkout down", "severity": "critical", "labels": {"team": "payments"}}"""))).ReadAsync();

        updated.GetProperty("title").GetString().ShouldBe("Checkout down");
        updated.GetProperty("severity").GetString().ShouldBe("critical");
        updated.GetProperty("labels").GetProperty("team").GetString().ShouldBe("payments");
    }

    [Fact]
    public async Task Patch_BadSeverity_Returns400()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0);

        using var response = await host.Client(TestKeys.Writer).PatchAsync($"/api/incidents/{incident.Id}",
            Wire.Body("""{"severity": "meh"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Commands_OnUnknownIncident_Return404()
    {
        await using var host = await GatewayTestHost.StartAsync();

        using var response = await host.Client(TestKeys.Writer).PostAsync("/api/incidents/inc-missing/acknowledge", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_NeedsAdmin_ThenRemovesIncident()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0);

        using var forbidden = await host.Client(TestKeys.Writer).DeleteAsync($"/api/incidents/{incident.Id}");
        using var deleted = await host.Client(TestKeys.Admin).DeleteAsync($"/api/incidents/{incident.Id}");
        using var gone = await host.Client(TestKeys.Reader).GetAsync($"/api/incidents/{incident.Id}");

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Acknowledge_WithReadOnlyKey_Returns403()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.Low, T0);

        using var response = await host.Client(TestKeys.Reader).PostAsync($"/api/incidents/{incident.Id}/acknowledge", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
