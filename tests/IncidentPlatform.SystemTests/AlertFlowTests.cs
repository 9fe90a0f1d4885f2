using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>The first end-to-end alert, across the five services as processes over real RabbitMQ and Redis.</summary>
public sealed class AlertFlowTests(RabbitMqFixture rabbit, RedisFixture redis)
{
    [Fact]
    public async Task PostAlert_AcrossFiveProcesses_OpensIncidentShownByGateway()
    {
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString);
        var services = await Task.WhenAll(Services.All.Select(p => ServiceProcess.StartHealthyAsync(p, configuration)));
        try
        {
            var gateway = services.Single(s => s.Project == "IncidentPlatform.Gateway");
            using var client = gateway.CreateClient().WithKey(Services.AdminKey);
            var service = $"checkout-{Guid.NewGuid():N}"[..20];

            using var accepted = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Checkout latency above 2s"));
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var alertId = (await Task.FromResult(accepted).JsonAsync()).GetProperty("alertId").GetString();
            await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Checkout latency above 3s", "critical"));

            var list = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents?service={service}").JsonAsync(),
                l => l.GetProperty("items").GetArrayLength() == 1 && l.GetProperty("items")[0].GetProperty("alertCount").GetInt64() == 2);
            var id = list.GetProperty("items")[0].GetProperty("id").GetString();
            // The timeline is written right after the count the listing shows: wait for it as well.
            var incident = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents/{id}").JsonAsync(),
                i => i.GetProperty("timeline").GetArrayLength() >= 2);

            incident.GetProperty("severity").GetString().ShouldBe("critical");
            incident.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldContain(alertId);
            // The first alerts are recorded one by one; which of the two opened it depends on delivery order.
            var kinds = incident.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            kinds.ShouldContain("opened");
            kinds.ShouldContain(k => k == "alert" || k == "severity");
        }
        finally
        {
            await Task.WhenAll(services.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task PostAlert_BadBodyOrKey_AnswersProblemAndStoresNothing()
    {
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString);
        await using var detector = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration);
        await using var gateway = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration);
        var service = $"bad-{Guid.NewGuid():N}"[..20];
        using var anonymous = gateway.CreateClient();
        using var client = gateway.CreateClient().WithKey(Services.AdminKey);

        using var noKey = await anonymous.PostAsync("/api/alerts", SystemHttp.Alert(service, "x"));
        using var wrongKey = await gateway.CreateClient().WithKey("wrong-key-wrong-key-wrong").PostAsync("/api/alerts", SystemHttp.Alert(service, "x"));
        using var invalid = await client.PostAsync("/api/alerts", new StringContent($$"""{"service":"{{service}}"}""",
            System.Text.Encoding.UTF8, "application/json"));

        noKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await Task.Delay(1000);
        var list = await client.GetAsync($"/api/incidents?service={service}").JsonAsync();
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PostAlert_OnStandalone_OpensIncident()
    {
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = Directory.CreateTempSubdirectory("ip-standalone-").FullName,
            ["Auth:ApiKeys:admin:Key"] = Services.AdminKey,
            ["Auth:ApiKeys:admin:Scopes"] = "admin",
        });
        using var client = host.CreateClient().WithKey(Services.AdminKey);

        using var accepted = await client.PostAsync("/api/alerts", SystemHttp.Alert("standalone-svc", "Queue depth above 10k"));

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var list = await SystemHttp.EventuallyAsync(() => client.GetAsync("/api/incidents?service=standalone-svc").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        list.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("Queue depth above 10k");
    }
}
