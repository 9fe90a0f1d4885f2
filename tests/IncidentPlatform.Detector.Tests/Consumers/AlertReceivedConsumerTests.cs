using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Consumers;

public sealed class AlertReceivedConsumerTests
{
    private const string Alarm = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout-cpu";

    [Fact]
    public async Task Consume_FirstAlert_PublishesIncidentOpened()
    {
        await using var host = await DetectorHost.StartAsync();

        await host.DeliverAsync(Alerts.Generic());

        var opened = host.Published<IncidentOpened>().ShouldHaveSingleItem();
        opened.Incident.AlertCount.ShouldBe(1);
        (await host.Incidents.GetAsync(opened.IncidentId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Consume_SameMessageTwice_ChangesAndPublishesOnce()
    {
        await using var host = await DetectorHost.StartAsync();
        var alert = Alerts.Generic();

        await host.DeliverAsync(alert);
        await host.DeliverAsync(alert);

        host.Published<IncidentOpened>().ShouldHaveSingleItem();
        host.Published<IncidentUpdated>().ShouldBeEmpty();
        (await host.Incidents.GetAsync(host.Published<IncidentOpened>()[0].IncidentId))!.AlertCount.ShouldBe(1);
    }

    [Fact]
    public async Task Consume_BurstInOneInterval_CoalescesUpdates_ThenSweeperPublishesTheFinalCount()
    {
        await using var host = await DetectorHost.StartAsync([new("Detector:Correlation:UpdateInterval", "00:00:05")]);
        for (var i = 0; i < 20; i++)
        {
            await host.DeliverAsync(Alerts.Generic());
        }

        host.Published<IncidentUpdated>().ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromSeconds(6));

        await host.WaitForPublishedAsync<IncidentUpdated>();
        var update = host.Published<IncidentUpdated>().ShouldHaveSingleItem();
        update.Incident.AlertCount.ShouldBe(20);
        update.Changes.ShouldBe(["alerts"]);
        update.Significant.ShouldBeFalse();
    }

    [Fact]
    public async Task Consume_SeverityRaised_PublishesSignificantUpdateAtOnce()
    {
        await using var host = await DetectorHost.StartAsync();
        await host.DeliverAsync(Alerts.Generic(severity: Severity.Medium));

        await host.DeliverAsync(Alerts.Generic(severity: Severity.Critical));

        var update = host.Published<IncidentUpdated>().ShouldHaveSingleItem();
        update.Significant.ShouldBeTrue();
        update.Changes.ShouldContain("severity");
        update.Incident.Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public async Task Consume_Recovery_PublishesIncidentResolved()
    {
        await using var host = await DetectorHost.StartAsync();
        await host.DeliverAsync(Alerts.CloudWatch(Alarm));

        await host.DeliverAsync(Alerts.CloudWatch(Alarm, AlertStatus.Resolved, CorrelationFixture.T0.AddMinutes(1)));

        var resolved = host.Published<IncidentResolved>().ShouldHaveSingleItem();
        resolved.ResolvedBy.ShouldBe("alert");
        resolved.Incident.Status.ShouldBe(IncidentStatus.Resolved);
        resolved.Reason!.ShouldContain("resolved");
    }

    [Fact]
    public async Task Consume_SilencedAlert_PublishesOpenedCarryingTheSilence()
    {
        await using var host = await DetectorHost.StartAsync();
        var documents = host.Services.GetService(typeof(IncidentPlatform.Store.IDocumentStore)) as IncidentPlatform.Store.IDocumentStore;
        await documents!.TryPutAsync("silences", "sil-1",
            """{"id":"sil-1","matchers":[{"name":"service","value":"checkout"}],"startsAt":"2026-11-21T07:00:00Z","endsAt":"2026-11-21T12:00:00Z","createdBy":"test","createdAt":"2026-11-21T07:00:00Z"}""",
            0);

        await host.DeliverAsync(Alerts.Generic());

        host.Published<IncidentOpened>().ShouldHaveSingleItem().Incident.SilencedBy.ShouldBe("sil-1");
    }
}
