using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// Compaction: when the journal reaches the threshold (or the last snapshot's size, when larger), capture the state
/// and rotate the journal in one step under the lock, then, without the lock, write the snapshot of that state and
/// delete the journals it covers. Each step leaves a directory that recovers to the same state (see
/// <see cref="CompactionStep"/>); a failed compaction is logged and retried after the journal grows by another
/// threshold.
/// </summary>
internal sealed partial class EmbeddedStore
{
    private readonly long _compactionThreshold;
    private Task _compaction = Task.CompletedTask;
    private long _snapshotBytes;
    private long _retryAtLength;
    private int _compactions;

    /// <summary>Called after each compaction step; tests throw from it to leave a compaction unfinished.</summary>
    internal Action<CompactionStep>? CompactionProbe { get; set; }

    /// <summary>Compactions completed since the store was opened.</summary>
    internal int Compactions => Volatile.Read(ref _compactions);

    /// <summary>Waits for a running compaction, then compacts (tests; compaction normally starts by itself).</summary>
    internal async Task CompactAsync()
    {
        await Locked(() => _compaction);
        await Locked(() =>
        {
            ThrowIfUnavailable();
            if (_compaction.IsCompleted)
            {
                _compaction = Task.Run(CompactCoreAsync);
            }

            return _compaction;
        });
    }

    private void OnJournalWritten(long length)
    {
        if (length < Math.Max(_compactionThreshold, Interlocked.Read(ref _snapshotBytes)) ||
            length < Interlocked.Read(ref _retryAtLength))
        {
            return;
        }

        lock (_gate)
        {
            if (!_disposed && _compaction.IsCompleted)
            {
                _compaction = Task.Run(CompactCoreAsync);
            }
        }
    }

    private async Task CompactCoreAsync()
    {
        try
        {
            StateImage image;
            Task<long> rotated;
            lock (_gate)
            {
                image = _state.Capture(_time.GetUtcNow());
                rotated = _journal.RotateAsync();
            }

            var generation = await rotated;
            Step(CompactionStep.JournalRotated);
            var size = Snapshot.Write(_directory, generation, image, Step);
            Interlocked.Exchange(ref _snapshotBytes, size);
            foreach (var (_, path) in _directory.Journals().Where(j => j.Generation < generation))
            {
                File.Delete(path);
            }

            _directory.Sync();
            Interlocked.Exchange(ref _retryAtLength, 0);
            Interlocked.Increment(ref _compactions);
            Step(CompactionStep.Completed);
            _logger.LogInformation(
                "Compacted the embedded store: snapshot of {Bytes} bytes, journal generation {Generation}",
                size, generation);
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _retryAtLength, _journal.Length + _compactionThreshold);
            _logger.LogError(ex, "Compaction of the embedded store failed; the journal keeps everything meanwhile");
        }
    }

    private void Step(CompactionStep step) => CompactionProbe?.Invoke(step);
}
