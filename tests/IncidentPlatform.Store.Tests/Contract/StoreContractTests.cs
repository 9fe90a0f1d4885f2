namespace IncidentPlatform.Store.Tests.Contract;

/// <summary>
/// The store contract: what every store implementation guarantees, tested through the store interfaces only. A store
/// joins by subclassing and supplying a fresh, isolated store per test (<see cref="CreateStoreAsync"/>) and a way to
/// let its TTL clock move (<see cref="Ttl"/>, <see cref="ElapseAsync"/>): a fake clock for the embedded store, real
/// sleeps for Redis, whose TTLs run on the server's clock. xUnit creates one instance per test.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    /// <summary>The alert limit the stores under test are created with (small, so the bound is cheap to reach).</summary>
    protected const int AlertLimit = 10;

    private StoreUnderTest? _store;

    protected StoreUnderTest Store => _store ?? throw new InvalidOperationException("The store is not created yet.");

    protected IIncidentStore Incidents => Store.Incidents;

    protected IDocumentStore Documents => Store.Documents;

    protected IAppendLog Logs => Store.Logs;

    /// <summary>
    /// The time to live the TTL tests use. Long enough that the few calls between setting a key and checking it never
    /// take that long (a real-clock store: a second or so), since "not expired yet" is part of what they check.
    /// </summary>
    protected abstract TimeSpan Ttl { get; }

    /// <summary>A fresh, empty store that no other test sees, keeping <paramref name="maxAlertsPerIncident"/> alerts.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync(int maxAlertsPerIncident);

    /// <summary>Lets <paramref name="duration"/> pass on the store's TTL clock (advance a fake clock, or sleep).</summary>
    protected abstract Task ElapseAsync(TimeSpan duration);

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync(AlertLimit);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="count"/> calls at once, from thread-pool threads.</summary>
    protected static Task<T[]> InParallel<T>(int count, Func<int, Task<T>> call) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => call(i))));

    /// <summary>A part of <see cref="Ttl"/>.</summary>
    protected TimeSpan TtlTimes(double factor) => Ttl * factor;
}
