namespace IncidentPlatform.Store.Embedded;

/// <summary>The small key spaces; the same key in two spaces names two different entries.</summary>
internal enum KeySpace
{
    /// <summary>Idempotency claims (<see cref="IIdempotencyStore"/>).</summary>
    Claim = 0,

    /// <summary>Cached values (<see cref="ICacheStore"/>).</summary>
    Cache = 1,

    /// <summary>Windowed counters (<see cref="ICounterStore"/>); the value is the number.</summary>
    Counter = 2,

    /// <summary>Leases (<see cref="ILeaseStore"/>); the value is the owner.</summary>
    Lease = 3,

    /// <summary>Checkpoints (<see cref="ICheckpointStore"/>), which never expire.</summary>
    Checkpoint = 4,
}
