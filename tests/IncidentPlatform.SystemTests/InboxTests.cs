using System.Net;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// The promise of a 202 (gateway README, "What 202 means"): an alert answered 202 is in the durable inbox and reaches
/// the detector even when the gateway dies before it could publish it; when the promise cannot be kept the answer is 503
/// with Retry-After and nothing is kept, not even the "already accepted" marker. Each test runs its own broker or store
/// where it blocks or stops it.
/// </summary>
public sealed class InboxTests(RabbitMqFixture rabbit, RedisFixture redis)
{
    [Fact]
    public async Task PostAlerts_GatewayKilledBeforeBrokerConfirmed_AllCorrelatedAfterRestart()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var configuration = Services.Configuration(broker.ConnectionString, redis.ConnectionString);
        await using var detector = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration);
        var service = $"inbox-kill-{Guid.NewGuid():N}"[..20];
        await using (var gateway = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration))
        {
            using var client = gateway.CreateClient().WithKey(Services.AdminKey);
            // The broker takes connections but confirms no publish: the alerts can only be in the gateway's inbox.
            await broker.SetMemoryAlarmAsync(raised: true);
            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                using var response = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, i % 2 == 0 ? "Disk full" : "Certificate expired", id: $"{service}-{i}"));
                return response.StatusCode;
            }));
            answers.ShouldAllBe(s => s == HttpStatusCode.Accepted);
            gateway.Kill();
        }

        await broker.SetMemoryAlarmAsync(raised: false);
        await using var restarted = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration);
        using var reader = restarted.CreateClient().WithKey(Services.AdminKey);
        var list = await SystemHttp.EventuallyAsync(() => reader.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("alertCount").GetInt64()) >= 20, seconds: 90);

        list.GetProperty("items").GetArrayLength().ShouldBe(2);
        list.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("alertCount").GetInt64()).ShouldBe(20);
    }

    [Fact]
    public async Task PostAlert_SameAlertBeforeAndAfterGatewayKill_OneIncidentWithOneAlert()
    {
        await using var broker = await RabbitMqServer.StartAsync();
        var configuration = Services.Configuration(broker.ConnectionString, redis.ConnectionString);
        await using var detector = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration);
        var service = $"inbox-twice-{Guid.NewGuid():N}"[..20];
        var answers = new List<(HttpStatusCode Status, string? AlertId)>();
        async Task PostAsync(ServiceProcess gateway)
        {
            using var client = gateway.CreateClient().WithKey(Services.AdminKey);
            using var response = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Queue stuck", id: $"{service}-1"));
            var body = await Task.FromResult(response).JsonAsync();
            answers.Add((response.StatusCode, body.TryGetProperty("alertId", out var id) ? id.GetString() : null));
        }

        // Posted twice while the broker confirms nothing (the second is a retry of an alert still pending), the
        // gateway killed, and posted a third time after its restart (pending or relayed by then: a retry either way).
        await using (var gateway = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration))
        {
            await broker.SetMemoryAlarmAsync(raised: true);
            await PostAsync(gateway);
            await PostAsync(gateway);
            gateway.Kill();
        }

        await broker.SetMemoryAlarmAsync(raised: false);
        await using var restarted = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration);
        await PostAsync(restarted);

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Accepted);
        answers.Select(a => a.AlertId).Distinct().Count().ShouldBe(1);
        using var reader = restarted.CreateClient().WithKey(Services.AdminKey);
        var list = await SystemHttp.EventuallyAsync(() => reader.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var incident = await reader.GetAsync($"/api/incidents/{list.GetProperty("items")[0].GetProperty("id").GetString()}").JsonAsync();
        incident.GetProperty("alertCount").GetInt64().ShouldBe(1);
        incident.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe([answers[0].AlertId]);
    }

    [Fact]
    public async Task PostAlert_StoreDown_Answers503WithRetryAfterAndLeavesNoMarker()
    {
        await using var store = await RedisServer.StartNewAsync();
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, store.ConnectionString);
        await using var detector = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Detector", configuration);
        await using var gateway = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Gateway", configuration);
        var service = $"inbox-down-{Guid.NewGuid():N}"[..20];
        using var client = gateway.CreateClient().WithKey(Services.AdminKey);

        await store.StopAsync();
        using var refused = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Cache miss storm", id: $"{service}-1"));

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // The sender's retry, once the store is back, is a new alert (no marker was left) and reaches an incident.
        await store.StartAsync();
        await Eventually.GetAsync(async () =>
        {
            using var retry = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Cache miss storm", id: $"{service}-1"));
            return retry.StatusCode;
        }, s => s == HttpStatusCode.Accepted, timeout: TimeSpan.FromSeconds(60));
        var list = await SystemHttp.EventuallyAsync(() => client.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.GetProperty("items").GetArrayLength() == 1);
        list.GetProperty("items")[0].GetProperty("alertCount").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task PostAlerts_StandaloneKilledAfter202_AllArriveAfterRestartOnSameData()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["IncidentPlatform:DataDirectory"] = Directory.CreateTempSubdirectory("ip-standalone-inbox-").FullName,
            ["Auth:ApiKeys:admin:Key"] = Services.AdminKey,
            ["Auth:ApiKeys:admin:Scopes"] = "admin",
            ["Auth:RateLimit:PermitsPerMinute"] = "0",
        };
        var service = $"inbox-sa-{Guid.NewGuid():N}"[..20];
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var host = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", configuration))
        {
            using var client = host.CreateClient().WithKey(Services.AdminKey);
            // 16 senders; SIGKILL right after the 300th answer, with alerts still queued in the in-memory bus.
            await Parallel.ForEachAsync(Enumerable.Range(0, 600), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                try
                {
                    using var response = await client.PostAsync("/api/alerts", SystemHttp.Alert(service, "Checkout error rate high", id: $"{service}-{i}"), ct);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        accepted.Add((await Task.FromResult(response).JsonAsync()).GetProperty("alertId").GetString()!);
                        if (accepted.Count == 300)
                        {
                            host.Kill();
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // In flight when the process died: never answered, so never promised.
                }
            });
        }

        accepted.Count.ShouldBeGreaterThanOrEqualTo(300);
        await using var restarted = await ServiceProcess.StartHealthyAsync("IncidentPlatform.Standalone", configuration);
        using var reader = restarted.CreateClient().WithKey(Services.AdminKey);
        var list = await SystemHttp.EventuallyAsync(() => reader.GetAsync($"/api/incidents?service={service}").JsonAsync(),
            l => l.TryGetProperty("items", out var items) &&
                 items.EnumerateArray().Sum(i => i.GetProperty("alertCount").GetInt64()) >= accepted.Count, seconds: 90);

        // Every alert answered 202 arrived (alerts in flight at the kill may have arrived too, none twice).
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("alertCount").GetInt64().ShouldBeInRange(accepted.Count, 600);
    }
}
