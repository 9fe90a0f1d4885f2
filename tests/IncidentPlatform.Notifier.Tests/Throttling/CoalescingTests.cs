using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Notifier.Tests.Throttling;

public sealed class CoalescingTests
{
    private static Task<WebhookBed> StartAsync() => WebhookBed.StartAsync(null, ("CoalesceWindow", "00:00:30"));

    [Fact]
    public async Task SeveralUpdatesWithinTheWindow_BecomeOneMessageWithTheLatestState()
    {
        await using var bed = await StartAsync();
        var (fake, host) = (bed.Fake, bed.Host);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Opened(incident));
        foreach (var version in new[] { 2L, 3L, 4L })
        {
            host.Time.Advance(TimeSpan.FromSeconds(5));
            await host.PublishAsync(TestData.Updated(incident with { Version = version, AlertCount = version * 10 }, "alerts"));
        }

        fake.Requests.Count.ShouldBe(1); // only the opening so far
        (await host.FlushAsync(TimeSpan.FromSeconds(10))).ShouldBe(0); // 15 s after the first update: not due
        (await host.FlushAsync(TimeSpan.FromSeconds(16))).ShouldBe(1);

        fake.Requests.Count.ShouldBe(2);
        var update = fake.Requests[1].Json();
        update.GetProperty("eventType").GetString().ShouldBe("IncidentUpdated");
        update.GetProperty("incident").GetProperty("alertCount").GetInt64().ShouldBe(40);
        var log = await host.DeliveriesAsync(incident.Id);
        log.Select(d => (d.EventType, d.Status)).ShouldBe([
            ("IncidentOpened", DeliveryStatus.Delivered),
            ("IncidentUpdated", DeliveryStatus.Suppressed),
            ("IncidentUpdated", DeliveryStatus.Suppressed),
            ("IncidentUpdated", DeliveryStatus.Delivered),
        ]);
        log[1].Detail.ShouldBe("coalesced into a later update");
        (await host.FlushAsync(TimeSpan.FromMinutes(5))).ShouldBe(0);
    }

    [Fact]
    public async Task ResolvedWhileAnUpdateWaits_DropsTheUpdateAndSendsTheResolution()
    {
        await using var bed = await StartAsync();
        var (fake, host) = (bed.Fake, bed.Host);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Updated(incident with { Version = 2 }, "alerts"));
        await host.PublishAsync(TestData.Resolved(incident with { Version = 2 }));
        await host.FlushAsync(TimeSpan.FromMinutes(1));

        fake.Requests.ShouldHaveSingleItem().Json().GetProperty("eventType").GetString().ShouldBe("IncidentResolved");
        var log = await host.DeliveriesAsync(incident.Id);
        log.Single(d => d.EventType == "IncidentUpdated").Detail.ShouldBe("superseded by the resolution");
    }

    [Fact]
    public async Task OlderUpdateArrivingLate_DoesNotReplaceANewerOne()
    {
        await using var bed = await StartAsync();
        var (fake, host) = (bed.Fake, bed.Host);
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Updated(incident with { Version = 5, AlertCount = 50 }, "alerts"));
        await host.PublishAsync(TestData.Updated(incident with { Version = 3, AlertCount = 30 }, "alerts"));
        await host.FlushAsync(TimeSpan.FromMinutes(1));

        fake.Requests.ShouldHaveSingleItem().Json().GetProperty("incident").GetProperty("alertCount").GetInt64().ShouldBe(50);
    }

    [Fact]
    public async Task BackgroundFlusher_SendsTheHeldUpdateOnItsOwnWhenDue()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(r => r.Path == "/hook", 200, "");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("ops-hook", fake.BaseAddress, ("CoalesceWindow", "00:00:30")),
            new() { ["Notifier:FlushInterval"] = "00:00:00.100" }));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Updated(incident with { Version = 2 }, "alerts"));
        host.Time.Advance(TimeSpan.FromSeconds(31));

        var sent = await fake.WaitForRequestAsync(r => r.Path == "/hook", TimeSpan.FromSeconds(20));
        sent.Json().GetProperty("eventType").GetString().ShouldBe("IncidentUpdated");
        // The pass records its success once it has finished sending.
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        var flusher = await Eventually.GetAsync(async () => (await checks.CheckHealthAsync()).Entries["notifier-flusher"],
            e => e.Description?.StartsWith("Coalesced updates last flushed", StringComparison.Ordinal) == true, "the flusher's health");
        flusher.Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task InsignificantUpdate_GoesOnlyToChannelsAskingForEveryUpdate()
    {
        await using var fake = await FakeHttpServer.StartAsync();
        fake.On(_ => true, 200, "");
        await using var host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("quiet", new Uri(fake.BaseAddress, "quiet/")),
            ChannelConfig.Webhook("chatty", new Uri(fake.BaseAddress, "chatty/"), ("AllUpdates", "true"))));
        var incident = TestData.Incident();

        await host.PublishAsync(TestData.Updated(incident with { Version = 2, AlertCount = 4 }, "alerts") with { Significant = false });
        await host.PublishAsync(TestData.Updated(incident with { Version = 3, Status = IncidentStatus.Acknowledged }, "status") with { Significant = false });

        fake.Requests.Select(r => r.Path).Order().ShouldBe(["/chatty/hook", "/chatty/hook", "/quiet/hook"]);
        fake.Requests.Single(r => r.Path == "/quiet/hook").Json().GetProperty("incident").GetProperty("status").GetString().ShouldBe("Acknowledged");
    }
}
