using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Redis;
using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Tests.Redis;

/// <summary>What the contract does not pin down: the key layout, exact time filters, ties, bounded scans, the JSON form.</summary>
public sealed class RedisStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private ConnectionMultiplexer? _connection;

    private ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Not connected yet.");

    public async ValueTask InitializeAsync() => _connection = await RedisStores.ConnectAsync(redis.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keys_EveryInterfaceUsed_AllUnderTheStorePrefix()
    {
        // Database 7 is this test's alone, so every key in it was written by this store.
        await using var connection = await RedisStores.ConnectAsync(redis.ConnectionString + ",defaultDatabase=7");
        var store = RedisStores.Create(connection);
        var incident = await Open(store, TestData.Incident());
        await store.AddAlertAsync(incident.Id, TestData.Alert());
        await store.AppendTimelineAsync(incident.Id, TestData.Line("opened"));
        await ((IDocumentStore)store).TryPutAsync("remediations", "r1", "{}", 0, incident.Id);
        await store.AppendAsync("audit", "{}");
        await ((IIdempotencyStore)store).TryClaimAsync("m1", TimeSpan.FromMinutes(1));
        await ((ICacheStore)store).SetAsync("c1", "v", TimeSpan.FromMinutes(1));
        await ((ICounterStore)store).IncrementAsync("n1", 1, TimeSpan.FromMinutes(1));
        await ((ILeaseStore)store).TryAcquireAsync("l1", "me", TimeSpan.FromMinutes(1));
        await ((ICheckpointStore)store).SetAsync("p1", "v");

        var keys = await RedisStores.KeysAsync(connection);
        keys.Count.ShouldBeGreaterThan(15);
        keys.ShouldAllBe(k => k.StartsWith(store.KeyPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scripts_ServerScriptCacheFlushed_AreLoadedAgain()
    {
        var store = RedisStores.Create(Connection);
        var incident = await Open(store, TestData.Incident());
        await using var admin = await RedisStores.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var addAlert = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(IncidentScripts.AddAlert));
        (await store.AddAlertAsync(incident.Id, TestData.Alert())).ShouldBeTrue();
        (await server.ScriptExistsAsync(addAlert)).ShouldBeTrue();

        await server.ScriptFlushAsync();

        (await server.ScriptExistsAsync(addAlert)).ShouldBeFalse();
        (await store.AddAlertAsync(incident.Id, TestData.Alert())).ShouldBeTrue();
        (await server.ScriptExistsAsync(addAlert)).ShouldBeTrue();
        (await store.GetAlertsAsync(incident.Id, 10)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task DeleteAsync_IncidentWithAlertsTimelineAndChangedIndexes_LeavesNoKeyBehind()
    {
        var store = RedisStores.Create(Connection);
        var incident = await Open(store, TestData.Incident());
        await store.AddAlertAsync(incident.Id, TestData.Alert());
        await store.AppendTimelineAsync(incident.Id, TestData.Line("opened"));
        var changed = await store.TryUpdateAsync(incident with
        {
            Status = IncidentStatus.Acknowledged, Service = "search", Severity = Severity.Low, UpdatedAt = TestData.T0.AddHours(1),
        });
        changed.ShouldNotBeNull();

        (await store.DeleteAsync(incident.Id)).ShouldBeTrue();

        (await RedisStores.KeysAsync(Connection, store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PurgeResolvedAsync_AResolvedIncident_LeavesNoKeyOfItBehind()
    {
        var store = RedisStores.Create(Connection);
        var resolved = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddDays(-3), status: IncidentStatus.Resolved));
        await store.AddAlertAsync(resolved.Id, TestData.Alert());
        await store.AppendTimelineAsync(resolved.Id, TestData.Line("resolved"));

        (await store.PurgeResolvedAsync(TestData.T0)).ShouldBe(1);

        (await RedisStores.KeysAsync(Connection, store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PurgeResolvedAsync_CutoffWithinAMillisecond_ComparesTicks()
    {
        var store = RedisStores.Create(Connection);
        var before = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddTicks(3_000), status: IncidentStatus.Resolved));
        var after = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddTicks(7_000), status: IncidentStatus.Resolved));

        (await store.PurgeResolvedAsync(TestData.T0.AddTicks(5_000))).ShouldBe(1);

        (await store.GetAsync(before.Id)).ShouldBeNull();
        (await store.GetAsync(after.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ListAsync_SinceAndUntilWithinAMillisecond_FilterToTheTick()
    {
        var store = RedisStores.Create(Connection);
        var a = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddTicks(2_000)));
        var b = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddTicks(5_000)));
        var c = await Open(store, TestData.Incident(updatedAt: TestData.T0.AddTicks(8_000)));
        var middle = TestData.T0.AddTicks(5_000);

        (await Ids(store, new IncidentQuery { Since = middle })).ShouldBe(Sorted(b, c));
        (await Ids(store, new IncidentQuery { Until = middle })).ShouldBe([a.Id]);
        (await Ids(store, new IncidentQuery { Since = TestData.T0.AddTicks(3_000), Until = TestData.T0.AddTicks(8_000) }))
            .ShouldBe([b.Id]);
    }

    [Fact]
    public async Task ListAsync_ManyIncidentsInOneMillisecond_PagesByIdDescendingWhileTheCursorsIncidentMoves()
    {
        var store = RedisStores.Create(Connection);
        var incidents = new List<Incident>();
        for (var i = 0; i < 30; i++)
        {
            incidents.Add(await Open(store, TestData.Incident(updatedAt: TestData.T0)));
        }

        var seen = new List<string>();
        var query = new IncidentQuery { PageSize = 4, Until = TestData.T0.AddMinutes(1) };
        for (var page = await store.ListAsync(query); ; page = await store.ListAsync(query with { Cursor = page.NextCursor }))
        {
            seen.AddRange(page.Items.Select(i => i.Id));
            if (page.NextCursor is null)
            {
                break;
            }

            // The cursor's incident leaves its place: the next page must go on from where it was.
            await store.UpdateAsync(seen[^1], i => i with { UpdatedAt = TestData.T0.AddHours(1) });
        }

        seen.ShouldBe(incidents.Select(i => i.Id).OrderDescending(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_FewMatchesBeyondTheScanLimit_ReturnsShortPagesThatStillFindEveryMatch()
    {
        var store = RedisStores.Create(Connection, listScanBatch: 4, listScanLimit: 8);
        var matching = new List<Incident>();
        for (var i = 0; i < 40; i++)
        {
            var disk = i is 3 or 17 or 35;
            var incident = await Open(store, TestData.Incident(
                updatedAt: TestData.T0.AddMinutes(i), title: disk ? $"Disk full on node {i}" : $"Connection timeouts #{i}"));
            if (disk)
            {
                matching.Add(incident);
            }
        }

        var pages = new List<IncidentPage>();
        var query = new IncidentQuery { Text = "disk", PageSize = 2 };
        for (var page = await store.ListAsync(query); ; page = await store.ListAsync(query with { Cursor = page.NextCursor }))
        {
            pages.Add(page);
            if (page.NextCursor is null)
            {
                break;
            }
        }

        pages.SelectMany(p => p.Items).Select(i => i.Id).ShouldBe(matching.Select(i => i.Id).Reverse());
        pages.ShouldContain(p => p.Items.Count < 2 && p.NextCursor != null);
    }

    [Fact]
    public async Task ListAsync_CursorOfTheEmbeddedStore_ThrowsArgumentException()
    {
        var store = RedisStores.Create(Connection);
        await Open(store, TestData.Incident());
        var foreign = IncidentCursor.Encode(new IncidentKey(TestData.T0.UtcTicks, "inc-1"));

        await Should.ThrowAsync<ArgumentException>(() => store.ListAsync(new IncidentQuery { Cursor = foreign }));
    }

    [Fact]
    public async Task TryUpdateAsync_IndexedFieldsChange_FiltersFindOnlyTheNewValues()
    {
        var store = RedisStores.Create(Connection);
        var incident = await Open(store, TestData.Incident(severity: Severity.Critical, service: "checkout"));

        await store.TryUpdateAsync(incident with
        {
            Status = IncidentStatus.Acknowledged, Service = "search", Severity = Severity.Low, UpdatedAt = TestData.T0.AddMinutes(1),
        });

        (await Ids(store, new IncidentQuery { Status = IncidentStatus.Open })).ShouldBeEmpty();
        (await Ids(store, new IncidentQuery { Status = IncidentStatus.Acknowledged })).ShouldBe([incident.Id]);
        (await Ids(store, new IncidentQuery { Service = "checkout" })).ShouldBeEmpty();
        (await Ids(store, new IncidentQuery { Service = "search" })).ShouldBe([incident.Id]);
        (await Ids(store, new IncidentQuery { MinSeverity = Severity.High })).ShouldBeEmpty();
        (await Ids(store, new IncidentQuery { MinSeverity = Severity.Low })).ShouldBe([incident.Id]);
        (await Ids(store, new IncidentQuery { Until = TestData.T0.AddMinutes(1) })).ShouldBeEmpty();
    }

    [Fact]
    public async Task TryUpdateAsync_FingerprintChanged_ReleasesTheOldOneAndTakesTheNew()
    {
        var store = RedisStores.Create(Connection);
        var incident = await Open(store, TestData.Incident());
        var newFingerprint = TestData.NewId("fp");

        await store.TryUpdateAsync(incident with { Fingerprint = newFingerprint });

        (await store.FindOrOpenAsync(incident.Fingerprint, TestData.Incident(fingerprint: incident.Fingerprint))).Opened.ShouldBeTrue();
        var found = await store.FindOrOpenAsync(newFingerprint, TestData.Incident(fingerprint: newFingerprint));
        found.Opened.ShouldBeFalse();
        found.Incident.Id.ShouldBe(incident.Id);
    }

    [Fact]
    public async Task StoredJson_IncidentAlertAndTimelineEntry_IsTheEmbeddedStoresForm()
    {
        var store = RedisStores.Create(Connection);
        var incident = await Open(store, TestData.Incident());
        var alert = TestData.Alert();
        var line = TestData.Line("opened");
        await store.AddAlertAsync(incident.Id, alert);
        await store.AppendTimelineAsync(incident.Id, line);
        var incidentKey = store.KeyPrefix + "inc:{" + incident.Id + "}";

        var db = Connection.GetDatabase();
        ((string?)await db.HashGetAsync(incidentKey, "json")).ShouldBe(TestData.Json(incident));
        ((string?)(await db.ListRangeAsync(incidentKey + ":alerts"))[0]).ShouldBe(TestData.Json(alert));
        ((string?)(await db.ListRangeAsync(incidentKey + ":timeline"))[0]).ShouldBe(TestData.Json(line));
    }

    private static async Task<Incident> Open(RedisIncidentStore store, Incident incident)
    {
        var opened = await store.FindOrOpenAsync(incident.Fingerprint, incident with { Status = IncidentStatus.Open });
        opened.Opened.ShouldBeTrue();
        return incident.Status == IncidentStatus.Open
            ? opened.Incident
            : (await store.TryUpdateAsync(incident with { Version = 1 })).ShouldNotBeNull();
    }

    private static async Task<List<string>> Ids(RedisIncidentStore store, IncidentQuery query) =>
        [.. (await store.ListAsync(query with { PageSize = 500 })).Items.Select(i => i.Id)];

    private static List<string> Sorted(params Incident[] incidents) =>
        [.. incidents.Select(i => i.Id).OrderDescending(StringComparer.Ordinal)];
}
