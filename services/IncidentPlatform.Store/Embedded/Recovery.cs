using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// Opening a data directory: load the snapshot, delete what a finished compaction left behind, replay the journals in
/// generation order. Only the newest journal may end in a torn write (a crash during its last group commit, which no
/// caller saw acknowledged): that tail is cut off with a warning. Damage anywhere else is refused.
/// </summary>
internal static class Recovery
{
    /// <summary>The journal to continue, and the size of the snapshot that was loaded.</summary>
    public sealed record Result(SafeFileHandle File, long Generation, long Length, long SnapshotBytes);

    public static Result Run(DataDirectory directory, StoreState state, ILogger logger)
    {
        long start = 1;
        long snapshotBytes = 0;
        if (File.Exists(directory.SnapshotPath))
        {
            start = Snapshot.Load(directory.SnapshotPath, state.Apply);
            snapshotBytes = new FileInfo(directory.SnapshotPath).Length;
        }

        // A snapshot.tmp is a compaction that did not finish; the journals still hold everything it had.
        File.Delete(directory.SnapshotTempPath);
        var journals = directory.Journals();
        foreach (var (generation, path) in journals.Where(j => j.Generation < start))
        {
            logger.LogInformation("Deleting journal {Path} (generation {Generation}), covered by the snapshot", path, generation);
            File.Delete(path);
        }

        var live = journals.Where(j => j.Generation >= start).ToList();
        for (var i = 0; i < live.Count; i++)
        {
            if (live[i].Generation != start + i)
            {
                throw new InvalidDataException(
                    $"The data directory '{directory.Path}' lacks journal generation {start + i} (found " +
                    $"{string.Join(", ", live.Select(j => j.Generation))}); changes would be lost. Restore it from a backup.");
            }
        }

        if (live.Count == 0)
        {
            if (start > 1)
            {
                logger.LogWarning(
                    "Journal generation {Generation} is missing in {DataDirectory}; continuing from the snapshot alone",
                    start, directory.Path);
            }

            return new Result(Journal.CreateFile(directory, start), start, FileFormat.FileHeaderSize, snapshotBytes);
        }

        long length = 0;
        for (var i = 0; i < live.Count; i++)
        {
            length = Replay(directory, live[i].Generation, live[i].Path, i == live.Count - 1, state, logger);
        }

        var last = live[^1];
        var file = File.OpenHandle(last.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (RandomAccess.GetLength(file) != length)
        {
            RandomAccess.SetLength(file, length);
            RandomAccess.FlushToDisk(file);
        }

        return new Result(file, last.Generation, length, snapshotBytes);
    }

    /// <summary>Applies a journal's records; returns the length of its intact part.</summary>
    private static long Replay(DataDirectory directory, long generation, string path, bool isLast, StoreState state, ILogger logger)
    {
        long length;
        using (var reader = new FrameReader(path))
        {
            var header = reader.ReadFileHeader(FileFormat.JournalMagic);
            if (header is null && isLast && reader.FileLength <= FileFormat.FileHeaderSize)
            {
                // Created by a rotation that crashed before its header was durable: nothing was written to it.
                logger.LogWarning("Journal {Path} has a torn header; starting it afresh", path);
                reader.Dispose();
                Journal.CreateFile(directory, generation).Dispose();
                return FileFormat.FileHeaderSize;
            }

            if (header != generation)
            {
                throw Corrupt(path, 0, "its header is not that of journal generation " + generation);
            }

            while (reader.TryRead(out var payload))
            {
                ApplyFrame(path, reader.Position, payload, state);
            }

            length = reader.Position;
            if (!reader.AtEnd)
            {
                if (!isLast || reader.IntactFrameFollows())
                {
                    throw Corrupt(path, length, "a damaged frame is followed by intact data, so this is no torn last write");
                }

                logger.LogWarning(
                    "Journal {Path} ends with a torn write at byte {Offset} ({Bytes} bytes, from a crash during a write " +
                    "that was never acknowledged); dropping it", path, length, reader.FileLength - length);
            }
        }

        return length;
    }

    private static void ApplyFrame(string path, long frameEnd, ReadOnlyMemory<byte> payload, StoreState state)
    {
        try
        {
            foreach (var record in FileFormat.SplitRecords(payload))
            {
                state.Apply(RecordCodec.Decode(record.Span));
            }
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(path, frameEnd - payload.Length - FileFormat.FrameHeaderSize, ex.Message, ex);
        }
    }

    private static InvalidDataException Corrupt(string path, long offset, string why, Exception? inner = null) =>
        new($"The journal '{path}' is corrupt at byte {offset}: {why}. Refusing to open the store rather than lose " +
            "acknowledged changes; restore the data directory from a backup, or move the journal away to start from " +
            "the last snapshot.", inner);
}
