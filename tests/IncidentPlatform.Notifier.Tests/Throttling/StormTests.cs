using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Throttling;

public sealed class StormTests
{
    [Fact]
    public async Task HundredsOfIncidentsOpened_SendThresholdThenOneSummaryAndSuppressTheRest()
    {
        await using var bed = await WebhookBed.StartAsync(null, ("StormThreshold", "10"), ("StormWindow", "00:05:00"), ("RateLimit", "0"));
        var (fake, host) = (bed.Fake, bed.Host);
        var incidents = Enumerable.Range(0, 300).Select(i => TestData.Incident(title: $"Storm {i}")).ToList();

        await Task.WhenAll(incidents.Select(i => host.PublishAsync(TestData.Opened(i))));

        var bodies = fake.Requests.Select(r => r.Json()).ToList();
        bodies.Count.ShouldBe(11);
        bodies.Count(b => b.GetProperty("eventType").GetString() == "IncidentOpened").ShouldBe(10);
        var summary = bodies.Single(b => b.GetProperty("eventType").GetString() == "StormSummary");
        summary.GetProperty("title").GetString()!.ShouldContain("Alert storm on ops-hook: more than 10 incident notifications");

        var deliveries = new List<NotificationDelivery>();
        foreach (var incident in incidents)
        {
            deliveries.AddRange(await host.DeliveriesAsync(incident.Id));
        }

        deliveries.Count(d => d.Status == DeliveryStatus.Delivered && d.EventType == "IncidentOpened").ShouldBe(10);
        deliveries.Count(d => d.Status == DeliveryStatus.Delivered && d.EventType == "StormSummary").ShouldBe(1);
        var suppressed = deliveries.Where(d => d.Status == DeliveryStatus.Suppressed).ToList();
        suppressed.Count.ShouldBe(290);
        suppressed.ShouldAllBe(d => d.Detail!.StartsWith("alert storm"));
    }

    [Fact]
    public async Task NextWindow_AfterAStorm_SendsAgain()
    {
        await using var bed = await WebhookBed.StartAsync(null, ("StormThreshold", "2"), ("StormWindow", "00:05:00"));
        var (fake, host) = (bed.Fake, bed.Host);

        foreach (var i in Enumerable.Range(0, 5))
        {
            await host.PublishAsync(TestData.Opened(TestData.Incident(title: $"First {i}")));
        }

        host.Time.Advance(TimeSpan.FromMinutes(5));
        var later = TestData.Incident(title: "After the storm");
        await host.PublishAsync(TestData.Opened(later));

        fake.Requests.Count.ShouldBe(4); // 2 + summary + the one in the new window
        (await host.DeliveriesAsync(later.Id)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task RemediationEvents_DoNotCountTowardsAStorm()
    {
        await using var bed = await WebhookBed.StartAsync(null, ("StormThreshold", "1"));
        var (fake, host) = (bed.Fake, bed.Host);
        var incident = await host.OpenAsync(TestData.Incident());

        foreach (var i in Enumerable.Range(0, 3))
        {
            await host.PublishAsync(TestData.ApprovalRequested(TestData.Remediation(incident.Id)));
        }

        fake.Requests.Count.ShouldBe(3);
    }
}
