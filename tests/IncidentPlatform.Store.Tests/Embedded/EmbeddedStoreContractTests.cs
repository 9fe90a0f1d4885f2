using IncidentPlatform.Store.Tests.Contract;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Store.Tests.Embedded;

/// <summary>The store contract, on the embedded store in a temp directory, with a fake clock for its TTLs.</summary>
public class EmbeddedStoreContractTests : StoreContractTests
{
    private readonly ManualTimeProvider _clock = new(TestData.T0);

    protected override TimeSpan Ttl => TimeSpan.FromMinutes(1);

    /// <summary>The compaction threshold of the stores under test.</summary>
    protected virtual long CompactionThresholdBytes => StoreOptions.DefaultCompactionThresholdBytes;

    protected override Task<StoreUnderTest> CreateStoreAsync(int maxAlertsPerIncident)
    {
        var directory = new TempDirectory();
        var store = EmbeddedStores.Open(directory.Path, _clock, maxAlertsPerIncident, CompactionThresholdBytes);
        return Task.FromResult(StoreUnderTest.Of(store, async () =>
        {
            await store.DisposeAsync();
            directory.Dispose();
        }));
    }

    protected override Task ElapseAsync(TimeSpan duration)
    {
        _clock.Advance(duration);
        return Task.CompletedTask;
    }
}
