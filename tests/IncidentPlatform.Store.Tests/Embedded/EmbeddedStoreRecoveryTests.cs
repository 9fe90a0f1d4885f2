using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>Reopening, torn writes, damage and the directory lock.</summary>
public sealed class EmbeddedStoreRecoveryTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new(TestData.T0);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_AfterDispose_HasEverythingThatWasWritten()
    {
        StoreSample sample;
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            sample = await StoreSample.WriteAsync(store);
        }

        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        await sample.VerifyAsync(reopened);
    }

    [Fact]
    public async Task Open_JournalCutInsideItsLastRecord_RecoversEveryWholeRecord()
    {
        var (first, second) = await WriteTwoIncidents();
        var journal = EmbeddedStores.Journals(_directory.Path).ShouldHaveSingleItem();
        using (var file = File.OpenWrite(journal))
        {
            file.SetLength(file.Length - 10);
        }

        var logger = new ListLogger();
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock, logger: logger))
        {
            (await store.GetAsync(first)).ShouldNotBeNull();
            (await store.GetAsync(second)).ShouldBeNull();
            logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("torn write"));
            await store.FindOrOpenAsync("fp-third", TestData.Incident(id: "third", fingerprint: "fp-third"));
        }

        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        (await reopened.GetAsync(first)).ShouldNotBeNull();
        (await reopened.GetAsync("third")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Open_JournalEndingInZeros_DropsThemAndKeepsEveryRecord()
    {
        var (first, second) = await WriteTwoIncidents();
        var journal = EmbeddedStores.Journals(_directory.Path).ShouldHaveSingleItem();
        var intact = new FileInfo(journal).Length;
        using (var file = new FileStream(journal, FileMode.Append))
        {
            file.Write(new byte[4096]);
        }

        var logger = new ListLogger();
        await using var store = EmbeddedStores.Open(_directory.Path, _clock, logger: logger);

        (await store.GetAsync(first)).ShouldNotBeNull();
        (await store.GetAsync(second)).ShouldNotBeNull();
        logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning);
        new FileInfo(journal).Length.ShouldBe(intact);
    }

    [Fact]
    public async Task Open_DamageFollowedByIntactRecords_RefusesWithAClearError()
    {
        await WriteTwoIncidents();
        var journal = EmbeddedStores.Journals(_directory.Path).ShouldHaveSingleItem();
        var bytes = await File.ReadAllBytesAsync(journal);
        bytes[60] ^= 0x5A;
        await File.WriteAllBytesAsync(journal, bytes);

        var error = Should.Throw<InvalidDataException>(() => EmbeddedStores.Open(_directory.Path, _clock));

        error.Message.ShouldContain(journal);
        error.Message.ShouldContain("corrupt");
        // The failed open let go of the directory: trying again meets the same damage, not the lock.
        Should.Throw<InvalidDataException>(() => EmbeddedStores.Open(_directory.Path, _clock));
    }

    [Fact]
    public async Task Open_DirectoryHeldByAnotherStore_FailsWithAClearError()
    {
        await using (var store = EmbeddedStores.Open(_directory.Path, _clock))
        {
            var error = Should.Throw<IOException>(() => EmbeddedStores.Open(_directory.Path, _clock));

            error.Message.ShouldContain("in use by another embedded store");
            error.Message.ShouldContain(_directory.Path);
            (await store.LengthAsync("still-works")).ShouldBe(0);
        }

        await using var reopened = EmbeddedStores.Open(_directory.Path, _clock);
        (await reopened.LengthAsync("still-works")).ShouldBe(0);
    }

    [Fact]
    public async Task DisposeAsync_ThenCall_ThrowsObjectDisposedException()
    {
        var store = EmbeddedStores.Open(_directory.Path, _clock);
        await store.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => store.GetAsync("inc-1"));
    }

    /// <summary>Two incidents, each its own group commit (the second call starts after the first is durable).</summary>
    private async Task<(string First, string Second)> WriteTwoIncidents()
    {
        await using var store = EmbeddedStores.Open(_directory.Path, _clock);
        var first = await store.FindOrOpenAsync("fp-first", TestData.Incident(fingerprint: "fp-first"));
        var second = await store.FindOrOpenAsync("fp-second", TestData.Incident(fingerprint: "fp-second"));
        return (first.Incident.Id, second.Incident.Id);
    }
}
