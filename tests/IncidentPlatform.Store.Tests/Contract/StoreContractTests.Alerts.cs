namespace IncidentPlatform.Store.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AddAlertAsync_SameAlertTwice_RecordsItOnce()
    {
        var incident = await Open(TestData.Incident());
        var alert = TestData.Alert();

        (await Incidents.AddAlertAsync(incident.Id, alert)).ShouldBeTrue();
        (await Incidents.AddAlertAsync(incident.Id, alert with { Title = "again" })).ShouldBeFalse();

        var stored = (await Incidents.GetAlertsAsync(incident.Id, 100)).ShouldHaveSingleItem();
        TestData.Json(stored).ShouldBe(TestData.Json(alert));
    }

    [Fact]
    public async Task AddAlertAsync_ParallelCallersWithOneAlert_RecordItOnce()
    {
        var incident = await Open(TestData.Incident());
        var alert = TestData.Alert();

        var added = await InParallel(20, _ => Incidents.AddAlertAsync(incident.Id, alert));

        added.Count(a => a).ShouldBe(1);
        (await Incidents.GetAlertsAsync(incident.Id, 100)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AddAlertAsync_MoreThanTheLimit_KeepsTheNewestFirst()
    {
        var incident = await Open(TestData.Incident());
        var ids = await AddAlerts(incident.Id, AlertLimit + 5);

        var alerts = await Incidents.GetAlertsAsync(incident.Id, 100);

        alerts.Select(a => a.Id).ShouldBe(ids.AsEnumerable().Reverse().Take(AlertLimit));
    }

    [Fact]
    public async Task AddAlertAsync_IdOfAnAlertNoLongerKept_IsStillADuplicate()
    {
        var incident = await Open(TestData.Incident());
        var ids = await AddAlerts(incident.Id, AlertLimit + 5);

        (await Incidents.AddAlertAsync(incident.Id, TestData.Alert(ids[0]))).ShouldBeFalse();
        (await Incidents.GetAlertsAsync(incident.Id, 100)).Select(a => a.Id).ShouldNotContain(ids[0]);
    }

    [Fact]
    public async Task AddAlertAsync_Recorded_LeavesTheIncidentDocumentAlone()
    {
        var incident = await Open(TestData.Incident());

        await Incidents.AddAlertAsync(incident.Id, TestData.Alert());

        (await Incidents.GetAsync(incident.Id)).ShouldBeSameIncident(incident);
    }

    [Fact]
    public async Task AddAlertAsync_UnknownIncident_ThrowsKeyNotFoundException()
    {
        await Should.ThrowAsync<KeyNotFoundException>(() => Incidents.AddAlertAsync(TestData.NewId("inc"), TestData.Alert()));
    }

    [Fact]
    public async Task GetAlertsAsync_Limit_ReturnsOnlyTheNewest()
    {
        var incident = await Open(TestData.Incident());
        var ids = await AddAlerts(incident.Id, 5);

        var alerts = await Incidents.GetAlertsAsync(incident.Id, 3);

        alerts.Select(a => a.Id).ShouldBe([ids[4], ids[3], ids[2]]);
    }

    [Fact]
    public async Task GetAlertsAsync_UnknownIncident_ReturnsEmpty()
    {
        (await Incidents.GetAlertsAsync(TestData.NewId("inc"), 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppendTimelineAsync_Entries_ReadBackInOrderByOffsetAndLimit()
    {
        var incident = await Open(TestData.Incident());
        var lines = Enumerable.Range(0, 8).Select(i => TestData.Line("line " + i, TestData.T0.AddSeconds(i))).ToList();
        foreach (var line in lines)
        {
            await Incidents.AppendTimelineAsync(incident.Id, line);
        }

        var all = await Incidents.GetTimelineAsync(incident.Id, 0, 100);
        var middle = await Incidents.GetTimelineAsync(incident.Id, 3, 2);
        var past = await Incidents.GetTimelineAsync(incident.Id, 8, 10);

        all.Select(TestData.Json).ShouldBe(lines.Select(TestData.Json));
        middle.Select(l => l.Message).ShouldBe(["line 3", "line 4"]);
        past.ShouldBeEmpty();
        (await Incidents.GetAsync(incident.Id)).ShouldBeSameIncident(incident);
    }

    [Fact]
    public async Task AppendTimelineAsync_ParallelAppends_KeepsEveryEntry()
    {
        var incident = await Open(TestData.Incident());

        await InParallel(50, async i =>
        {
            await Incidents.AppendTimelineAsync(incident.Id, TestData.Line("line " + i));
            return i;
        });

        var timeline = await Incidents.GetTimelineAsync(incident.Id, 0, 100);
        timeline.Select(l => l.Message).Order().ShouldBe(Enumerable.Range(0, 50).Select(i => "line " + i).Order());
    }

    [Fact]
    public async Task AppendTimelineAsync_UnknownIncident_ThrowsKeyNotFoundException()
    {
        await Should.ThrowAsync<KeyNotFoundException>(
            () => Incidents.AppendTimelineAsync(TestData.NewId("inc"), TestData.Line("lost")));
    }

    [Fact]
    public async Task GetTimelineAsync_UnknownIncident_ReturnsEmpty()
    {
        (await Incidents.GetTimelineAsync(TestData.NewId("inc"), 0, 10)).ShouldBeEmpty();
    }

    private async Task<List<string>> AddAlerts(string incidentId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var alert = TestData.Alert(at: TestData.T0.AddSeconds(i));
            (await Incidents.AddAlertAsync(incidentId, alert)).ShouldBeTrue();
            ids.Add(alert.Id);
        }

        return ids;
    }
}
