namespace IncidentPlatform.Store.Embedded;

/// <summary>The steps of a compaction, each a state the data directory can be left in by a crash.</summary>
internal enum CompactionStep
{
    /// <summary>New changes go to a new journal; the old journal and the old snapshot are still there.</summary>
    JournalRotated,

    /// <summary><c>snapshot.tmp</c> is complete and fsynced but not installed.</summary>
    SnapshotWritten,

    /// <summary>The new snapshot is installed; the journals it covers are not deleted yet.</summary>
    SnapshotInstalled,

    /// <summary>The covered journals are deleted.</summary>
    Completed,
}
