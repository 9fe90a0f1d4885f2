using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class IncidentCorrelatorTests
{
    [Fact]
    public async Task Apply_FirstAlert_OpensIncidentWithAlertAndTimeline()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var alert = Alerts.Generic();

        var outcome = await fixture.ApplyAsync(alert);

        outcome.Kind.ShouldBe(CorrelationKind.Opened);
        outcome.Incident!.AlertCount.ShouldBe(1);
        outcome.Incident.CreatedAt.ShouldBe(CorrelationFixture.T0);
        var stored = await fixture.Incidents.GetAlertsAsync(outcome.Incident.Id, 10);
        stored.Select(a => a.Id).ShouldBe([alert.Id]);
        stored[0].Fingerprint.ShouldBe(outcome.Incident.Fingerprint);
        (await fixture.TimelineAsync(outcome.Incident.Id)).Single().Kind.ShouldBe("opened");
    }

    [Fact]
    public async Task Apply_SameFingerprint_CountsIntoOneIncidentAndEscalatesSeverity()
    {
        await using var fixture = await CorrelationFixture.StartAsync();

        var first = await fixture.ApplyAsync(Alerts.Generic(title: "Disk 81% full", severity: Severity.Medium));
        var second = await fixture.ApplyAsync(Alerts.Generic(title: "Disk 93% full", severity: Severity.Critical));
        var third = await fixture.ApplyAsync(Alerts.Generic(title: "Disk 85% full", severity: Severity.Low));

        second.Kind.ShouldBe(CorrelationKind.Updated);
        second.Incident!.Id.ShouldBe(first.Incident!.Id);
        second.Changes.ShouldBe(["alerts", "severity"]);
        second.Significant.ShouldBeTrue();
        third.Incident!.AlertCount.ShouldBe(3);
        third.Incident.Severity.ShouldBe(Severity.Critical);
        third.Significant.ShouldBeFalse();
        (await fixture.TimelineAsync(first.Incident.Id)).Select(e => e.Kind).ShouldBe(["opened", "alert", "severity", "alert"]);
    }

    [Fact]
    public async Task Apply_DifferentFingerprints_OpenSeparateIncidents()
    {
        await using var fixture = await CorrelationFixture.StartAsync();

        var a = await fixture.ApplyAsync(Alerts.Generic(title: "Checkout latency high"));
        var b = await fixture.ApplyAsync(Alerts.Generic(title: "Payments queue backed up"));

        b.Kind.ShouldBe(CorrelationKind.Opened);
        b.Incident!.Id.ShouldNotBe(a.Incident!.Id);
    }

    [Fact]
    public async Task Apply_RedeliveredAfterDone_ChangesNothing()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await fixture.DeliverAsync(Alerts.Generic());
        var second = Alerts.Generic();
        await fixture.DeliverAsync(second);

        var again = await fixture.DeliverAsync(second);

        again.Kind.ShouldBe(CorrelationKind.Duplicate);
        again.Incident!.AlertCount.ShouldBe(2);
        (await fixture.Incidents.GetAlertsAsync(again.Incident.Id, 10)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_RedeliveredBeforeDone_CompletesWithoutCountingAgain()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var opening = Alerts.Generic();
        var first = await fixture.ApplyAsync(opening); // applied, but "the consumer crashed before publishing"

        var again = await fixture.ApplyAsync(opening);

        again.Kind.ShouldBe(CorrelationKind.Opened); // so its IncidentOpened goes out again
        again.Incident!.Id.ShouldBe(first.Incident!.Id);
        again.Incident.AlertCount.ShouldBe(1);
    }

    [Fact]
    public async Task Apply_CountStoredButProgressLost_RecognisedByRecentAlertIds()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        await fixture.DeliverAsync(Alerts.Generic());
        var second = Alerts.Generic();
        await fixture.ApplyAsync(second);
        await fixture.Cache.RemoveAsync($"correlation:alert:{second.Id}"); // as if the process died right after counting

        var again = await fixture.ApplyAsync(second);

        again.Kind.ShouldBe(CorrelationKind.Duplicate);
        again.Incident!.AlertCount.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_ManyAlertsInParallel_OneIncidentAndExactCount()
    {
        await using var fixture = await CorrelationFixture.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(_ => Task.Run(() => fixture.DeliverAsync(Alerts.Generic()))));

        outcomes.Select(o => o.Incident!.Id).Distinct().Count().ShouldBe(1);
        outcomes.Count(o => o.Kind == CorrelationKind.Opened).ShouldBe(1);
        (await fixture.Incidents.GetAsync(outcomes[0].Incident!.Id))!.AlertCount.ShouldBe(60);
    }

    [Fact]
    public async Task Apply_TwoReplicasRacingOverSeveralFingerprints_OneIncidentEachAndNoAlertLost()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var replicas = new[] { fixture.Replica(), fixture.Replica() };
        var alerts = Enumerable.Range(0, 200).Select(i => Alerts.Generic(title: $"Problem {(char)('a' + i % 4)}")).ToList();

        await Task.WhenAll(alerts.Select((alert, i) => Task.Run(async () =>
        {
            var replica = replicas[i % 2];
            var outcome = await replica.ApplyAsync(alert, CancellationToken.None);
            await replica.CompleteAsync(alert, outcome, CancellationToken.None);
        })));

        var incidents = await fixture.AllIncidentsAsync();
        incidents.Count.ShouldBe(4);
        incidents.Sum(i => i.AlertCount).ShouldBe(200);
        incidents.ShouldAllBe(i => i.AlertCount == 50);
    }

    [Fact]
    public async Task Apply_IncidentDeleted_NextAlertOpensNewOne()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var first = await fixture.ApplyAsync(Alerts.Generic());
        await fixture.Incidents.DeleteAsync(first.Incident!.Id);

        var next = await fixture.ApplyAsync(Alerts.Generic());

        next.Kind.ShouldBe(CorrelationKind.Opened);
        next.Incident!.Id.ShouldNotBe(first.Incident.Id);
    }

    [Fact]
    public async Task Apply_AcknowledgedIncident_StillTakesItsAlerts()
    {
        await using var fixture = await CorrelationFixture.StartAsync();
        var first = await fixture.ApplyAsync(Alerts.Generic());
        await fixture.Incidents.TryUpdateAsync(first.Incident! with { Status = IncidentStatus.Acknowledged });

        var next = await fixture.ApplyAsync(Alerts.Generic());

        next.Kind.ShouldBe(CorrelationKind.Updated);
        next.Incident!.Status.ShouldBe(IncidentStatus.Acknowledged);
    }
}
