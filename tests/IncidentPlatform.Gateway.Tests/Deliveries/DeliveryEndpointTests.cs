using System.Net;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Deliveries;

public sealed class DeliveryEndpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    // Records as the notifier appends them (its JSON: web names, enums by name).
    private static async Task AppendAsync(IServiceProvider services, string incidentId, int n, string status)
    {
        var log = services.GetRequiredService<IAppendLog>();
        await log.AppendAsync(DeliveryLogStream.For(incidentId),
            $$"""{"id":"ntf-{{n}}","incidentId":"{{incidentId}}","channel":"ops-slack","channelType":"slack-bot","eventType":"IncidentOpened","status":"{{status}}","attempts":1,"at":"2026-11-21T08:0{{n}}:00+00:00","externalRef":"1700000000.00000{{n}}"}""");
    }

    [Fact]
    public async Task Deliveries_WithReadScope_ListsTheLogOldestFirst()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        await AppendAsync(host.Services, incident.Id, 1, "Delivered");
        await AppendAsync(host.Services, incident.Id, 2, "Suppressed");

        using var response = await host.Client(TestKeys.Reader).GetAsync($"/api/incidents/{incident.Id}/deliveries");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.ReadAsync();
        body.GetProperty("total").GetInt64().ShouldBe(2);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetString()).ShouldBe(["ntf-1", "ntf-2"]);
        items[0].GetProperty("status").GetString().ShouldBe("delivered");
        items[0].GetProperty("externalRef").GetString().ShouldBe("1700000000.000001");

        var paged = await (await host.Client(TestKeys.Reader).GetAsync($"/api/incidents/{incident.Id}/deliveries?offset=1&limit=1")).ReadAsync();
        paged.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString().ShouldBe("ntf-2");
    }

    [Fact]
    public async Task IncidentDetail_HasADeliveriesPartNewestFirst()
    {
        await using var host = await GatewayTestHost.StartAsync();
        var incident = await IncidentSeed.OpenAsync(host.Services, "checkout", Severity.High, T0);
        await AppendAsync(host.Services, incident.Id, 1, "Delivered");
        await AppendAsync(host.Services, incident.Id, 2, "Failed");

        var detail = await (await host.Client(TestKeys.Reader).GetAsync($"/api/incidents/{incident.Id}")).ReadAsync();

        detail.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString()).ShouldBe(["failed", "delivered"]);
    }

    [Fact]
    public async Task Deliveries_UnknownIncident_Answers404_AndWithoutAKey401()
    {
        await using var host = await GatewayTestHost.StartAsync();

        (await host.Client(TestKeys.Reader).GetAsync("/api/incidents/inc-nope/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.Client(apiKey: null).GetAsync("/api/incidents/inc-nope/deliveries")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await host.Client(TestKeys.Reader).GetAsync("/api/incidents/inc-nope/deliveries?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
