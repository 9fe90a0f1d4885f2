using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// The store of the one-process host: every store interface over one in-memory state, made durable by an append-only
/// journal with group commit, compacted into snapshots (see <see cref="FileFormat"/>, <see cref="Journal"/>,
/// <see cref="Snapshot"/>, <see cref="Recovery"/>).
/// <para>Every call runs its logic under one short lock (no I/O under it): a change is validated, journaled (queued)
/// and applied; then, outside the lock, the call waits until the journal is durable up to the newest record it could
/// have seen. So a call returns only what is on disk, reads included, and an acknowledged change survives a crash,
/// while concurrent callers share fsyncs.</para>
/// </summary>
internal sealed partial class EmbeddedStore :
    IIncidentStore, IDocumentStore, IAppendLog, IIdempotencyStore, ICacheStore, ICounterStore, ILeaseStore,
    ICheckpointStore, IAsyncDisposable, IDisposable
{
    /// <summary>How often the health check writes a probe record at most.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly RecordCodec _codec = new();
    private readonly StoreState _state;
    private readonly DataDirectory _directory;
    private readonly Journal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _nextSweep;
    private DateTimeOffset _probedAt = DateTimeOffset.MinValue;
    private bool _disposed;

    private EmbeddedStore(
        EmbeddedStoreSettings settings, DataDirectory directory, StoreState state, Recovery.Result recovered,
        TimeProvider time, ILogger logger)
    {
        _directory = directory;
        _state = state;
        _time = time;
        _logger = logger;
        _compactionThreshold = settings.CompactionThresholdBytes;
        _snapshotBytes = recovered.SnapshotBytes;
        _journal = new Journal(directory, recovered.Generation, recovered.File, recovered.Length, OnJournalWritten);
    }

    /// <summary>The data directory, as a full path.</summary>
    public string DataDirectory => _directory.Path;

    /// <summary>Incidents held (tests and diagnostics).</summary>
    internal int IncidentCount => Locked(() => _state.IncidentCount);

    /// <summary>Keys held, expired ones not yet swept included (tests and diagnostics).</summary>
    internal int KeyCount => Locked(() => _state.KeyCount);

    /// <summary>Opens (recovers) the store in its data directory, which it holds until disposed.</summary>
    /// <exception cref="IOException">Another store holds the directory.</exception>
    /// <exception cref="InvalidDataException">The data is damaged beyond a torn last write.</exception>
    public static EmbeddedStore Open(EmbeddedStoreSettings settings, TimeProvider time, ILogger logger)
    {
        var directory = Embedded.DataDirectory.Lock(settings.DataDirectory);
        try
        {
            var state = new StoreState(settings.MaxAlertsPerIncident);
            var recovered = Recovery.Run(directory, state, logger);
            logger.LogInformation(
                "Embedded store opened in {DataDirectory}: {Incidents} incidents, journal generation {Generation}",
                directory.Path, state.IncidentCount, recovered.Generation);
            return new EmbeddedStore(settings, directory, state, recovered, time, logger);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Says whether the journal takes durable writes (the health check) without a write per call, since health is
    /// probed often and anonymously: a failed journal throws at once; otherwise a no-op record is appended and waited
    /// for at most once per <see cref="ProbeInterval"/>.
    /// </summary>
    public Task<string> CheckWritableAsync(CancellationToken cancellationToken) => RunAsync(() =>
    {
        var now = _time.GetUtcNow();
        if (now - _probedAt >= ProbeInterval || now < _probedAt)
        {
            Commit(new Ping(now));
            _probedAt = now;
        }

        return $"journal generation {_journal.Generation}, {_journal.Length} bytes";
    }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Task compaction;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            compaction = _compaction;
        }

        await compaction;
        _journal.Dispose();
        _directory.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="operation"/> under the lock, then waits until everything it could have seen is durable.
    /// </summary>
    private Task<T> RunAsync<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        T result;
        Task durable;
        lock (_gate)
        {
            ThrowIfUnavailable();
            var now = _time.GetUtcNow();
            if (now >= _nextSweep)
            {
                _state.SweepExpired(now);
                _nextSweep = now + SweepInterval;
            }

            result = operation();
            durable = _journal.WhenDurable();
        }

        return durable.IsCompletedSuccessfully ? Task.FromResult(result) : AfterAsync(durable, result, cancellationToken);
    }

    private static async Task<T> AfterAsync<T>(Task durable, T result, CancellationToken cancellationToken)
    {
        await durable.WaitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Under the lock: journals the record and applies the journaled copy, which is what a replay will apply, so the
    /// state holds no object a caller can still change. Returns that copy.
    /// </summary>
    private TRecord Commit<TRecord>(TRecord record) where TRecord : JournalRecord
    {
        var bytes = _codec.Encode(record);
        var stored = (TRecord)RecordCodec.Decode(bytes);
        _journal.Append(bytes);
        _state.Apply(stored);
        return stored;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void ThrowIfUnavailable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_journal.Fault is { } fault)
        {
            throw new InvalidOperationException(
                $"The embedded store in '{_directory.Path}' stopped after its journal failed: {fault.Message}", fault);
        }
    }
}
