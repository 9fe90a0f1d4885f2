using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>The standalone host with no channel configured notifies on its console, one short line per notification.</summary>
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
        // One short line a person reads, not the payload; and once: no log line repeats the delivery.
        var line = host.Output.Split('\n').Where(l => l.StartsWith("notify ", StringComparison.Ordinal) &&
            l.Contains($"{id} Incident opened", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.TrimEnd().ShouldEndWith($"HIGH {id} Incident opened — Disk almost full [notify-svc]");
        host.Output.ShouldNotContain($"\"incidentId\":\"{id}\"");
        host.Output.ShouldNotContain($"Delivered IncidentOpened of {id}");
    }
}
