using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Detector.Tests.Correlation;

public sealed class IncidentCorrelatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Apply_FirstAlert_OpensIncidentWithAlertAndTimeline()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);

        var outcome = await correlator.ApplyAsync(Alert("a1"), CancellationToken.None);

        outcome.Opened.ShouldBeTrue();
        outcome.Incident.AlertCount.ShouldBe(1);
        (await store.Incidents.GetAlertsAsync(outcome.Incident.Id, 10)).Select(a => a.Id).ShouldBe(["a1"]);
        (await store.Incidents.GetTimelineAsync(outcome.Incident.Id, 0, 10)).Single().Kind.ShouldBe("opened");
    }

    [Fact]
    public async Task Apply_SameFingerprint_CountsIntoOneIncidentAndEscalatesSeverity()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);

        var first = await correlator.ApplyAsync(Alert("a1", title: "Disk 81% full", severity: Severity.Medium), CancellationToken.None);
        var second = await correlator.ApplyAsync(Alert("a2", title: "Disk 93% full", severity: Severity.Critical), CancellationToken.None);

        second.Opened.ShouldBeFalse();
        second.Incident.Id.ShouldBe(first.Incident.Id);
        second.Incident.AlertCount.ShouldBe(2);
        second.Incident.Severity.ShouldBe(Severity.Critical);
        second.Changes.ShouldBe(["alerts", "severity"]);
        second.Significant.ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_RedeliveredAlert_ChangesNothing()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);
        await correlator.ApplyAsync(Alert("a1"), CancellationToken.None);
        await correlator.ApplyAsync(Alert("a2"), CancellationToken.None);

        var again = await correlator.ApplyAsync(Alert("a2"), CancellationToken.None);

        again.Duplicate.ShouldBeTrue();
        again.Incident.AlertCount.ShouldBe(2);
        (await store.Incidents.GetAlertsAsync(again.Incident.Id, 10)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_RedeliveredOpeningAlert_IsReportedAsOpenedAgainSoTheEventIsRepublished()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);
        var first = await correlator.ApplyAsync(Alert("a1"), CancellationToken.None);

        var again = await correlator.ApplyAsync(Alert("a1"), CancellationToken.None);

        again.Opened.ShouldBeTrue();
        again.Incident.Id.ShouldBe(first.Incident.Id);
        again.Incident.AlertCount.ShouldBe(1);
    }

    [Fact]
    public async Task Apply_ManyAlertsInParallel_OneIncidentAndExactCount()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(i => Task.Run(() => correlator.ApplyAsync(Alert($"a{i}"), CancellationToken.None))));

        outcomes.Select(o => o.Incident.Id).Distinct().Count().ShouldBe(1);
        outcomes.Count(o => o.Opened).ShouldBe(1);
        (await store.Incidents.GetAsync(outcomes[0].Incident.Id))!.AlertCount.ShouldBe(60);
    }

    [Fact]
    public async Task Apply_AfterResolve_OpensNewIncident()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var correlator = new IncidentCorrelator(store.Incidents, TimeProvider.System);
        var first = await correlator.ApplyAsync(Alert("a1"), CancellationToken.None);
        await store.Incidents.TryUpdateAsync(first.Incident with { Status = IncidentStatus.Resolved, ResolvedAt = T0 });

        var next = await correlator.ApplyAsync(Alert("a2"), CancellationToken.None);

        next.Opened.ShouldBeTrue();
        next.Incident.Id.ShouldNotBe(first.Incident.Id);
    }

    private static Alert Alert(string id, string title = "Checkout 5xx above 5%", Severity severity = Severity.High) => new()
    {
        Id = id, Source = "test", Title = title, Message = "m", Severity = severity, Timestamp = T0, Service = "checkout",
        ReceivedAt = T0,
    };
}
