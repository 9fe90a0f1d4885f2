using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class GroupingTests
{
    [Fact]
    public async Task Apply_SignalsOfOneServiceWithinWindow_JoinTheServiceIncident()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var first = await fixture.ApplyAsync(Alerts.Signal("tpl-timeout"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));

        var second = await fixture.ApplyAsync(Alerts.Signal("tpl-pool-exhausted", severity: Severity.High));

        second.Kind.ShouldBe(CorrelationKind.Updated);
        second.Incident!.Id.ShouldBe(first.Incident!.Id);
        second.Incident.Fingerprint.ShouldBe("group:checkout");
        second.Incident.TemplateIds.ShouldBe(["tpl-timeout", "tpl-pool-exhausted"]);
        second.Significant.ShouldBeTrue(); // a new template and a higher severity
        var joined = (await fixture.TimelineAsync(first.Incident.Id)).Single(e => e.Message.StartsWith("Joined", StringComparison.Ordinal));
        joined.Data["fingerprint"].ShouldStartWith("signal:");
    }

    [Fact]
    public async Task Apply_SignalsOfAnotherService_OpenTheirOwnIncident()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var checkout = await fixture.ApplyAsync(Alerts.Signal("tpl-timeout"));

        var payments = await fixture.ApplyAsync(Alerts.Signal("tpl-timeout", service: "payments"));

        payments.Kind.ShouldBe(CorrelationKind.Opened);
        payments.Incident!.Id.ShouldNotBe(checkout.Incident!.Id);
    }

    [Fact]
    public async Task Apply_NewFingerprintAfterGroupingWindow_OpensItsOwnIncident_WhileOldFingerprintStaysWithItsIncident()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o => o.GroupingWindow = TimeSpan.FromMinutes(10));
        var first = await fixture.ApplyAsync(Alerts.Signal("tpl-timeout"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));

        var late = await fixture.ApplyAsync(Alerts.Signal("tpl-disk-full"));
        var again = await fixture.ApplyAsync(Alerts.Signal("tpl-timeout"));
        var lateAgain = await fixture.ApplyAsync(Alerts.Signal("tpl-disk-full"));

        late.Kind.ShouldBe(CorrelationKind.Opened);
        late.Incident!.Id.ShouldNotBe(first.Incident!.Id);
        again.Incident!.Id.ShouldBe(first.Incident.Id);
        lateAgain.Incident!.Id.ShouldBe(late.Incident.Id);
        (await fixture.Incidents.GetAsync(first.Incident.Id))!.Fingerprint.ShouldBe($"group:checkout#{first.Incident.Id}");
    }

    [Fact]
    public async Task Apply_WebhookAlertsOfOneService_AreNotGroupedByDefault()
    {
        await using var fixture = await CorrelationFixture.StartAsync();

        var a = await fixture.ApplyAsync(Alerts.Generic(title: "Checkout latency high"));
        var b = await fixture.ApplyAsync(Alerts.Generic(title: "Checkout error rate high"));

        b.Incident!.Id.ShouldNotBe(a.Incident!.Id);
    }

    [Fact]
    public async Task Apply_GroupingTurnedOnForASource_GroupsIt_AndOffForSignals_DoesNot()
    {
        await using var fixture = await CorrelationFixture.StartAsync(o =>
        {
            o.Sources["my-app"] = new() { Group = true };
            o.Sources["splunk"] = new() { Group = false };
        });

        var a = await fixture.ApplyAsync(Alerts.Generic(title: "Checkout latency high"));
        var b = await fixture.ApplyAsync(Alerts.Generic(title: "Checkout error rate high"));
        var c = await fixture.ApplyAsync(Alerts.Signal("tpl-a"));
        var d = await fixture.ApplyAsync(Alerts.Signal("tpl-b"));

        b.Incident!.Id.ShouldBe(a.Incident!.Id);
        d.Incident!.Id.ShouldNotBe(c.Incident!.Id);
    }

    [Fact]
    public async Task Apply_ConcurrentSignalsOfOneService_OneIncidentAndEveryAlertCounted()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var replicas = new[] { fixture.Replica(), fixture.Replica() };

        await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Task.Run(async () =>
        {
            var alert = Alerts.Signal($"tpl-{i % 8}");
            await replicas[i % 2].ApplyAsync(alert, CancellationToken.None);
        })));

        var incidents = await fixture.AllIncidentsAsync();
        incidents.Count.ShouldBe(1);
        incidents[0].AlertCount.ShouldBe(80);
        incidents[0].TemplateIds.Count.ShouldBe(8);
    }
}
