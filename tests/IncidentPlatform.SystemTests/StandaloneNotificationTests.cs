using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

public sealed class StandaloneNotificationTests
{
    [Fact]
    public async Task PostAlert_OnStandaloneWithNoChannels_NotifiesOnTheConsoleAndLogsTheDelivery()
    {
        await using var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = Directory.CreateTempSubdirectory("ip-standalone-").FullName,
            ["Auth:ApiKeys:admin:Key"] = Services.AdminKey,
            ["Auth:ApiKeys:admin:Scopes"] = "admin",
        });
        using var client = host.CreateClient().WithKey(Services.AdminKey);

        using var accepted = await client.PostAsync("/api/alerts", SystemHttp.Alert("notify-svc", "Disk almost full"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var list = await SystemHttp.EventuallyAsync(() => client.GetAsync("/api/incidents?service=notify-svc").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        var deliveries = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents/{id}/deliveries").JsonAsync(),
            d => d.GetProperty("total").GetInt64() >= 1);
        var first = deliveries.GetProperty("items")[0];
        first.GetProperty("channel").GetString().ShouldBe("console");
        first.GetProperty("eventType").GetString().ShouldBe("IncidentOpened");
        first.GetProperty("status").GetString().ShouldBe("delivered");
        host.Output.ShouldContain($"\"incidentId\":\"{id}\"");
        host.Output.ShouldContain("\"title\":\"[High] Disk almost full\"");
    }
}
