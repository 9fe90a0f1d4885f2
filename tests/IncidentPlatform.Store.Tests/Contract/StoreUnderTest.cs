namespace IncidentPlatform.Store.Tests.Contract;

/// <summary>A store as the contract tests see it: every interface, and how to throw the store away.</summary>
public sealed class StoreUnderTest(
    IIncidentStore incidents,
    IDocumentStore documents,
    IAppendLog logs,
    IIdempotencyStore idempotency,
    ICacheStore cache,
    ICounterStore counters,
    ILeaseStore leases,
    ICheckpointStore checkpoints,
    Func<ValueTask> dispose) : IAsyncDisposable
{
    public IIncidentStore Incidents { get; } = incidents;

    public IDocumentStore Documents { get; } = documents;

    public IAppendLog Logs { get; } = logs;

    public IIdempotencyStore Idempotency { get; } = idempotency;

    public ICacheStore Cache { get; } = cache;

    public ICounterStore Counters { get; } = counters;

    public ILeaseStore Leases { get; } = leases;

    public ICheckpointStore Checkpoints { get; } = checkpoints;

    /// <summary>One object implementing every interface (both stores do).</summary>
    public static StoreUnderTest Of<T>(T store, Func<ValueTask> dispose)
        where T : IIncidentStore, IDocumentStore, IAppendLog, IIdempotencyStore, ICacheStore, ICounterStore, ILeaseStore,
        ICheckpointStore =>
        new(store, store, store, store, store, store, store, store, dispose);

    public ValueTask DisposeAsync() => dispose();
}
