namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// Snapshots: the live state as records (see <see cref="FileFormat"/>), ending with <see cref="SnapshotEnd"/>. The
/// header's generation is the first journal to replay after loading it. Written to <c>snapshot.tmp</c>, fsynced, and
/// renamed over <c>snapshot.dat</c> (atomic), then the directory is fsynced: at every instant the directory holds
/// either the old snapshot or the new one, whole.
/// </summary>
internal static class Snapshot
{
    private const int FrameTarget = 1024 * 1024;

    /// <summary>Writes and installs the snapshot; returns its size in bytes.</summary>
    public static long Write(DataDirectory directory, long generation, StateImage image, Action<CompactionStep> step)
    {
        var codec = new RecordCodec();
        var frame = new FrameBuilder(FrameTarget + (64 * 1024));
        long size;
        using (var file = new FileStream(directory.SnapshotTempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(FileFormat.EncodeFileHeader(FileFormat.SnapshotMagic, generation));
            long count = 0;
            foreach (var record in image.Records())
            {
                frame.Add(codec.Encode(record));
                count++;
                if (frame.Length >= FrameTarget)
                {
                    file.Write(frame.Seal().Span);
                    frame.Clear();
                }
            }

            frame.Add(codec.Encode(new SnapshotEnd(count)));
            file.Write(frame.Seal().Span);
            file.Flush(flushToDisk: true);
            size = file.Length;
        }

        step(CompactionStep.SnapshotWritten);
        File.Move(directory.SnapshotTempPath, directory.SnapshotPath, overwrite: true);
        directory.Sync();
        step(CompactionStep.SnapshotInstalled);
        return size;
    }

    /// <summary>Applies the snapshot's records; returns the generation of the first journal to replay after it.</summary>
    /// <exception cref="InvalidDataException">The snapshot is damaged or incomplete.</exception>
    public static long Load(string path, Action<JournalRecord> apply)
    {
        using var reader = new FrameReader(path);
        var generation = reader.ReadFileHeader(FileFormat.SnapshotMagic)
                         ?? throw Damaged(path, "its header is not a snapshot header");
        long count = 0;
        while (reader.TryRead(out var payload))
        {
            var records = FileFormat.SplitRecords(payload);
            for (var i = 0; i < records.Count; i++)
            {
                var record = RecordCodec.Decode(records[i].Span);
                if (record is SnapshotEnd end)
                {
                    if (end.Records != count || i != records.Count - 1 || !reader.AtEnd)
                    {
                        throw Damaged(path, "its end record does not match its contents");
                    }

                    return generation;
                }

                apply(record);
                count++;
            }
        }

        throw Damaged(path, $"it is cut or corrupt at byte {reader.Position}");
    }

    private static InvalidDataException Damaged(string path, string why) =>
        new($"The snapshot '{path}' is damaged: {why}. It was fsynced before it was installed, so the disk or " +
            "someone altered it; restore the data directory from a backup.");
}
