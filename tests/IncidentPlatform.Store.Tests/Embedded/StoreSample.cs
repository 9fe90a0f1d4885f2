using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Tests.Contract;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>
/// A bit of everything written to a store — incidents in each state, alerts, timelines, documents, a log, every key
/// space — and a check that a store (typically reopened) holds exactly that.
/// </summary>
internal sealed class StoreSample
{
    private readonly string _tag = TestData.NewId("sample");
    private Incident _updated = null!;
    private Incident _resolved = null!;
    private Incident _reopened = null!;
    private string _deletedId = null!;
    private List<Alert> _alerts = null!;
    private List<TimelineEntry> _timeline = null!;

    private string Key(string name) => $"{_tag}-{name}";

    public static async Task<StoreSample> WriteAsync(EmbeddedStore store)
    {
        var sample = new StoreSample();
        await sample.WriteIncidentsAsync(store);
        await sample.WriteTheRestAsync(store);
        return sample;
    }

    public async Task VerifyAsync(EmbeddedStore store)
    {
        (await store.GetAsync(_updated.Id)).ShouldBeSameIncident(_updated);
        (await store.GetAsync(_resolved.Id)).ShouldBeSameIncident(_resolved);
        (await store.GetAsync(_reopened.Id)).ShouldBeSameIncident(_reopened);
        (await store.GetAsync(_deletedId)).ShouldBeNull();
        (await store.GetAlertsAsync(_updated.Id, 100)).Select(TestData.Json).ShouldBe(_alerts.AsEnumerable().Reverse().Select(TestData.Json));
        (await store.GetTimelineAsync(_updated.Id, 0, 100)).Select(TestData.Json).ShouldBe(_timeline.Select(TestData.Json));
        (await store.AddAlertAsync(_updated.Id, _alerts[0])).ShouldBeFalse();

        // The fingerprint map: the open incidents still hold theirs, the resolved one gave its up.
        var again = await store.FindOrOpenAsync(_updated.Fingerprint, TestData.Incident(fingerprint: _updated.Fingerprint));
        again.Incident.Id.ShouldBe(_updated.Id);
        (await store.FindOrOpenAsync(_resolved.Fingerprint, TestData.Incident(fingerprint: _resolved.Fingerprint)))
            .Incident.Id.ShouldBe(_reopened.Id);
        var listed = await store.ListAsync(new IncidentQuery { Text = _tag });
        listed.Items.Select(i => i.Id).ShouldBe([_reopened.Id, _resolved.Id, _updated.Id]);

        (await store.GetAsync(Key("documents"), "d1")).ShouldBe(new StoredDocument("d1", """{"v":2}""", 2, "owner"));
        (await store.GetAsync(Key("documents"), "d2")).ShouldBeNull();
        (await store.ListAsync(Key("documents"), "owner")).Select(d => d.Id).ShouldBe(["d1", "d3"]);
        (await store.ReadAsync(Key("log"), 0, 10)).ShouldBe(["one", "two", "three"]);

        IIdempotencyStore claims = store;
        ICacheStore cache = store;
        ICounterStore counters = store;
        ILeaseStore leases = store;
        ICheckpointStore checkpoints = store;
        (await claims.TryClaimAsync(Key("claim"), TimeSpan.FromMinutes(1))).ShouldBeFalse();
        (await cache.GetAsync(Key("cache"))).ShouldBe("cached");
        (await counters.GetAsync(Key("counter"))).ShouldBe(5);
        (await leases.TryAcquireAsync(Key("lease"), "other", TimeSpan.FromMinutes(1))).ShouldBeFalse();
        (await checkpoints.GetAsync(Key("checkpoint"))).ShouldBe("offset 42");
    }

    private async Task WriteIncidentsAsync(EmbeddedStore store)
    {
        var opened = (await store.FindOrOpenAsync(_tag + "-a", TestData.Incident(
            fingerprint: _tag + "-a", title: _tag + " a", updatedAt: TestData.T0))).Incident;
        _alerts = [TestData.Alert(), TestData.Alert(), TestData.Alert()];
        foreach (var alert in _alerts)
        {
            await store.AddAlertAsync(opened.Id, alert);
        }

        _timeline = [TestData.Line("opened"), TestData.Line("escalated")];
        foreach (var line in _timeline)
        {
            await store.AppendTimelineAsync(opened.Id, line);
        }

        _updated = (await store.UpdateAsync(opened.Id, i => i with { AlertCount = 3, Severity = Severity.Critical }))!;

        var toResolve = (await store.FindOrOpenAsync(_tag + "-b", TestData.Incident(
            fingerprint: _tag + "-b", title: _tag + " b", updatedAt: TestData.T0.AddMinutes(1)))).Incident;
        _resolved = (await store.UpdateAsync(toResolve.Id, i => i with
        {
            Status = IncidentStatus.Resolved, ResolvedAt = TestData.T0.AddMinutes(2), UpdatedAt = TestData.T0.AddMinutes(2),
        }))!;
        _reopened = (await store.FindOrOpenAsync(_tag + "-b", TestData.Incident(
            fingerprint: _tag + "-b", title: _tag + " b again", updatedAt: TestData.T0.AddMinutes(3)))).Incident;

        var deleted = (await store.FindOrOpenAsync(_tag + "-c", TestData.Incident(fingerprint: _tag + "-c"))).Incident;
        await store.AddAlertAsync(deleted.Id, TestData.Alert());
        await store.DeleteAsync(deleted.Id);
        _deletedId = deleted.Id;
    }

    private async Task WriteTheRestAsync(EmbeddedStore store)
    {
        await store.TryPutAsync(Key("documents"), "d1", """{"v":1}""", 0, "owner");
        await store.TryPutAsync(Key("documents"), "d1", """{"v":2}""", 1);
        await store.TryPutAsync(Key("documents"), "d2", "{}", 0, "owner");
        await store.TryPutAsync(Key("documents"), "d3", "{}", 0, "owner");
        await store.DeleteAsync(Key("documents"), "d2");
        foreach (var entry in new[] { "one", "two", "three" })
        {
            await store.AppendAsync(Key("log"), entry);
        }

        var hour = TimeSpan.FromHours(1);
        await ((IIdempotencyStore)store).TryClaimAsync(Key("claim"), hour);
        await ((ICacheStore)store).SetAsync(Key("cache"), "cached", hour);
        await ((ICounterStore)store).IncrementAsync(Key("counter"), 2, hour);
        await ((ICounterStore)store).IncrementAsync(Key("counter"), 3, hour);
        await ((ILeaseStore)store).TryAcquireAsync(Key("lease"), "owner", hour);
        await ((ICheckpointStore)store).SetAsync(Key("checkpoint"), "offset 41");
        await ((ICheckpointStore)store).SetAsync(Key("checkpoint"), "offset 42");
    }
}
