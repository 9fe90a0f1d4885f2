using IncidentPlatform.Store.Embedded;
using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>Snapshots, journal rotation, crashes between the steps, and expiry.</summary>
public sealed class EmbeddedStoreCompactionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new(TestData.T0);

    private string SnapshotPath => Path.Combine(_directory.Path, "snapshot.dat");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CompactAsync_ThenReopen_HasTheSameDataAndASmallerJournal()
    {
        StoreSample sample;
        string busy;
        long journalBefore;
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            sample = await StoreSample.WriteAsync(store);
            busy = (await store.FindOrOpenAsync("fp-busy", TestData.Incident(fingerprint: "fp-busy"))).Incident.Id;
            for (var i = 0; i < 300; i++)
            {
                await store.UpdateAsync(busy, incident => incident with { AlertCount = incident.AlertCount + 1 });
            }

            journalBefore = JournalBytes();
            await store.CompactAsync();

            store.Compactions.ShouldBe(1);
            await sample.VerifyAsync(store);
        }

        File.Exists(SnapshotPath).ShouldBeTrue();
        JournalBytes().ShouldBeLessThan(journalBefore / 10);
        new FileInfo(SnapshotPath).Length.ShouldBeLessThan(journalBefore);
        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        await sample.VerifyAsync(reopened);
        var incident = (await reopened.GetAsync(busy)).ShouldNotBeNull();
        incident.AlertCount.ShouldBe(300);
        incident.Version.ShouldBe(301);
    }

    [Fact]
    public async Task Compaction_JournalPastTheThreshold_RunsByItself()
    {
        StoreSample sample;
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock, compactionThresholdBytes: 8192))
        {
            sample = await StoreSample.WriteAsync(store);
            for (var i = 0; i < 2000 && store.Compactions < 2; i++)
            {
                await store.AppendAsync("filler", new string('x', 200));
            }

            store.Compactions.ShouldBeGreaterThanOrEqualTo(2);
        }

        EmbeddedStores.Journals(_directory.Path).ShouldHaveSingleItem();
        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        await sample.VerifyAsync(reopened);
    }

    [Theory]
    [InlineData(nameof(CompactionStep.JournalRotated))]
    [InlineData(nameof(CompactionStep.SnapshotWritten))]
    [InlineData(nameof(CompactionStep.SnapshotInstalled))]
    public async Task Compaction_StoppedAfterAStep_LeavesADirectoryThatReopensToTheSameData(string stepName)
    {
        var step = Enum.Parse<CompactionStep>(stepName);
        StoreSample before;
        StoreSample after;
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            await (await StoreSample.WriteAsync(store)).VerifyAsync(store);
            await store.CompactAsync();
            before = await StoreSample.WriteAsync(store);
            store.CompactionProbe = reached =>
            {
                if (reached == step)
                {
                    throw new IOException("Simulated crash after " + reached);
                }
            };
            await store.CompactAsync();
            store.Compactions.ShouldBe(1);
            after = await StoreSample.WriteAsync(store);
        }

        await using (var reopened = EmbeddedStores.Open(_directory.Path, _clock))
        {
            await before.VerifyAsync(reopened);
            await after.VerifyAsync(reopened);
            File.Exists(Path.Combine(_directory.Path, "snapshot.tmp")).ShouldBeFalse();
            await reopened.CompactAsync();
            reopened.Compactions.ShouldBe(1);
        }

        await using var again = EmbeddedStores.Open(_directory.Path, _clock);
        await before.VerifyAsync(again);
        await after.VerifyAsync(again);
    }

    [Fact]
    public async Task Open_DamagedSnapshot_RefusesWithAClearError()
    {
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            await StoreSample.WriteAsync(store);
            await store.CompactAsync();
        }

        var bytes = await File.ReadAllBytesAsync(SnapshotPath);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(SnapshotPath, bytes);

        var error = Should.Throw<InvalidDataException>(() => EmbeddedStores.Open(_directory.Path, _clock));

        error.Message.ShouldContain(SnapshotPath);
        error.Message.ShouldContain("damaged");
    }

    [Fact]
    public async Task Compaction_ExpiredKeys_AreLeftOutOfTheSnapshot()
    {
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            await ((ICacheStore)store).SetAsync("short", "value", TimeSpan.FromMinutes(1));
            await ((IIdempotencyStore)store).TryClaimAsync("short", TimeSpan.FromMinutes(1));
            await ((ICacheStore)store).SetAsync("long", "value", TimeSpan.FromHours(1));
            _clock.Advance(TimeSpan.FromMinutes(2));
            await store.CompactAsync();
        }

        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        reopened.KeyCount.ShouldBe(1);
        (await ((ICacheStore)reopened).GetAsync("long")).ShouldBe("value");
    }

    [Fact]
    public async Task Calls_AfterKeysExpire_SweepThemAway()
    {
        await using var store = EmbeddedStores.Open(_directory.Path, _clock);
        await ((ICacheStore)store).SetAsync("a", "value", TimeSpan.FromMinutes(1));
        await ((ILeaseStore)store).TryAcquireAsync("b", "owner", TimeSpan.FromMinutes(1));
        await ((ICheckpointStore)store).SetAsync("c", "kept");
        store.KeyCount.ShouldBe(3);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await store.LengthAsync("any");

        store.KeyCount.ShouldBe(1);
    }

    private long JournalBytes() => EmbeddedStores.Journals(_directory.Path).Sum(j => new FileInfo(j).Length);
}
