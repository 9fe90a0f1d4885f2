using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        (await Incidents.GetAsync(TestData.NewId("inc"))).ShouldBeNull();
    }

    [Fact]
    public async Task FindOrOpenAsync_NewFingerprint_StoresCandidateAtVersionOne()
    {
        var candidate = TestData.Incident() with { Version = 7 };

        var result = await Incidents.FindOrOpenAsync(candidate.Fingerprint, candidate);

        result.Opened.ShouldBeTrue();
        result.Incident.ShouldBeSameIncident(candidate with { Version = 1 });
        (await Incidents.GetAsync(candidate.Id)).ShouldBeSameIncident(candidate with { Version = 1 });
    }

    [Fact]
    public async Task FindOrOpenAsync_FingerprintOfOpenIncident_ReturnsItWithoutOpening()
    {
        var first = TestData.Incident();
        await Incidents.FindOrOpenAsync(first.Fingerprint, first);
        var second = TestData.Incident(fingerprint: first.Fingerprint);

        var result = await Incidents.FindOrOpenAsync(first.Fingerprint, second);

        result.Opened.ShouldBeFalse();
        result.Incident.ShouldBeSameIncident(first with { Version = 1 });
        (await Incidents.GetAsync(second.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task FindOrOpenAsync_FiftyParallelCallers_OpenExactlyOneIncident()
    {
        var fingerprint = TestData.NewId("fp");
        var candidates = Enumerable.Range(0, 50).Select(_ => TestData.Incident(fingerprint: fingerprint)).ToArray();

        var results = await InParallel(50, i => Incidents.FindOrOpenAsync(fingerprint, candidates[i]));

        var opener = results.Where(r => r.Opened).ShouldHaveSingleItem();
        results.ShouldAllBe(r => r.Incident.Id == opener.Incident.Id);
        foreach (var loser in candidates.Where(c => c.Id != opener.Incident.Id))
        {
            (await Incidents.GetAsync(loser.Id)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task FindOrOpenAsync_CandidateWithOtherFingerprint_ThrowsArgumentException()
    {
        var candidate = TestData.Incident();

        await Should.ThrowAsync<ArgumentException>(() => Incidents.FindOrOpenAsync(TestData.NewId("fp"), candidate));
        (await Incidents.GetAsync(candidate.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task FindOrOpenAsync_ResolvedCandidate_ThrowsArgumentException()
    {
        var candidate = TestData.Incident(status: IncidentStatus.Resolved);

        await Should.ThrowAsync<ArgumentException>(() => Incidents.FindOrOpenAsync(candidate.Fingerprint, candidate));
        (await Incidents.GetAsync(candidate.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task FindOrOpenAsync_FreeFingerprintButTakenId_ThrowsInvalidOperationException()
    {
        var resolved = await Open(TestData.Incident(status: IncidentStatus.Resolved));
        var sameId = TestData.Incident(id: resolved.Id);

        await Should.ThrowAsync<InvalidOperationException>(() => Incidents.FindOrOpenAsync(sameId.Fingerprint, sameId));
        (await Incidents.GetAsync(resolved.Id)).ShouldBeSameIncident(resolved);
    }

    [Fact]
    public async Task TryUpdateAsync_CurrentVersion_StoresNextVersion()
    {
        var opened = await Open(TestData.Incident());
        var changed = opened with { Title = "Renamed", Severity = Severity.Critical, UpdatedAt = opened.UpdatedAt.AddMinutes(1) };

        var stored = await Incidents.TryUpdateAsync(changed);

        stored.ShouldBeSameIncident(changed with { Version = 2 });
        (await Incidents.GetAsync(opened.Id)).ShouldBeSameIncident(changed with { Version = 2 });
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ReturnsNullAndKeepsStored()
    {
        var opened = await Open(TestData.Incident());
        var current = (await Incidents.TryUpdateAsync(opened with { Title = "First" })).ShouldNotBeNull();

        var stale = await Incidents.TryUpdateAsync(opened with { Title = "Second" });

        stale.ShouldBeNull();
        (await Incidents.GetAsync(opened.Id)).ShouldBeSameIncident(current);
    }

    [Fact]
    public async Task TryUpdateAsync_UnknownIncident_ThrowsKeyNotFoundException()
    {
        await Should.ThrowAsync<KeyNotFoundException>(() => Incidents.TryUpdateAsync(TestData.Incident() with { Version = 1 }));
    }

    [Fact]
    public async Task TryUpdateAsync_Resolved_ReleasesFingerprint()
    {
        var opened = await Open(TestData.Incident());
        await Incidents.TryUpdateAsync(opened with { Status = IncidentStatus.Resolved, ResolvedAt = TestData.T0 });
        var next = TestData.Incident(fingerprint: opened.Fingerprint);

        var result = await Incidents.FindOrOpenAsync(opened.Fingerprint, next);

        result.Opened.ShouldBeTrue();
        result.Incident.Id.ShouldBe(next.Id);
        (await Incidents.GetAsync(opened.Id)).ShouldNotBeNull().Status.ShouldBe(IncidentStatus.Resolved);
    }

    [Fact]
    public async Task TryUpdateAsync_Acknowledged_KeepsFingerprint()
    {
        var opened = await Open(TestData.Incident());
        await Incidents.TryUpdateAsync(opened with { Status = IncidentStatus.Acknowledged, AcknowledgedBy = "ana" });

        var result = await Incidents.FindOrOpenAsync(opened.Fingerprint, TestData.Incident(fingerprint: opened.Fingerprint));

        result.Opened.ShouldBeFalse();
        result.Incident.Id.ShouldBe(opened.Id);
    }

    [Fact]
    public async Task UpdateAsync_TwentyParallelWriters_LoseNoUpdate()
    {
        var opened = await Open(TestData.Incident() with { Labels = new Dictionary<string, string> { ["count"] = "0" } });

        await InParallel(20, async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                (await Incidents.UpdateAsync(opened.Id, Increment)).ShouldNotBeNull();
            }

            return true;
        });

        var final = (await Incidents.GetAsync(opened.Id)).ShouldNotBeNull();
        final.Labels["count"].ShouldBe("500");
        final.Version.ShouldBe(501);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsNull_StoresNothing()
    {
        var opened = await Open(TestData.Incident());

        var result = await Incidents.UpdateAsync(opened.Id, _ => null);

        result.ShouldBeSameIncident(opened);
        (await Incidents.GetAsync(opened.Id)).ShouldNotBeNull().Version.ShouldBe(1);
    }

    [Fact]
    public async Task UpdateAsync_UnknownIncident_ReturnsNull()
    {
        (await Incidents.UpdateAsync(TestData.NewId("inc"), Increment)).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesIncidentWithAlertsTimelineIndexAndFingerprint()
    {
        var opened = await Open(TestData.Incident());
        await Incidents.AddAlertAsync(opened.Id, TestData.Alert());
        await Incidents.AppendTimelineAsync(opened.Id, TestData.Line("opened"));

        (await Incidents.DeleteAsync(opened.Id)).ShouldBeTrue();

        (await Incidents.GetAsync(opened.Id)).ShouldBeNull();
        (await Incidents.GetAlertsAsync(opened.Id, 100)).ShouldBeEmpty();
        (await Incidents.GetTimelineAsync(opened.Id, 0, 100)).ShouldBeEmpty();
        (await Incidents.ListAsync(new IncidentQuery())).Items.ShouldBeEmpty();
        (await Incidents.FindOrOpenAsync(opened.Fingerprint, TestData.Incident(fingerprint: opened.Fingerprint)))
            .Opened.ShouldBeTrue();
        (await Incidents.DeleteAsync(opened.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task PurgeResolvedAsync_Cutoff_DeletesOnlyIncidentsResolvedBeforeIt()
    {
        var old = await Open(TestData.Incident(updatedAt: TestData.T0.AddDays(-10), status: IncidentStatus.Resolved));
        var recent = await Open(TestData.Incident(updatedAt: TestData.T0.AddDays(-1), status: IncidentStatus.Resolved));
        var open = await Open(TestData.Incident(updatedAt: TestData.T0.AddDays(-20)));
        await Incidents.AddAlertAsync(old.Id, TestData.Alert());

        var purged = await Incidents.PurgeResolvedAsync(TestData.T0.AddDays(-5));

        purged.ShouldBe(1);
        (await Incidents.GetAsync(old.Id)).ShouldBeNull();
        (await Incidents.GetAlertsAsync(old.Id, 10)).ShouldBeEmpty();
        (await Incidents.GetAsync(recent.Id)).ShouldNotBeNull();
        (await Incidents.GetAsync(open.Id)).ShouldNotBeNull();
        (await Incidents.PurgeResolvedAsync(TestData.T0.AddDays(-5))).ShouldBe(0);
    }

    /// <summary>Stores an incident the way the detector does (a resolved one: opened, then resolved).</summary>
    protected async Task<Incident> Open(Incident incident)
    {
        var opened = await Incidents.FindOrOpenAsync(incident.Fingerprint, incident with { Status = IncidentStatus.Open });
        opened.Opened.ShouldBeTrue();
        if (incident.Status == IncidentStatus.Open)
        {
            return opened.Incident;
        }

        return (await Incidents.TryUpdateAsync(incident with { Version = 1 })).ShouldNotBeNull();
    }

    private static Incident Increment(Incident incident)
    {
        var count = int.Parse(incident.Labels["count"], CultureInfo.InvariantCulture) + 1;
        return incident with
        {
            Labels = new Dictionary<string, string>(incident.Labels) { ["count"] = count.ToString(CultureInfo.InvariantCulture) },
        };
    }
}
