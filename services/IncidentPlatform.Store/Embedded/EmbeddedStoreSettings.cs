namespace IncidentPlatform.Store.Embedded;

/// <summary>How an embedded store is opened.</summary>
/// <param name="DataDirectory">Where the journal, snapshot and lock file live.</param>
internal sealed record EmbeddedStoreSettings(string DataDirectory)
{
    /// <summary>Alerts kept per incident (newest recorded first).</summary>
    public int MaxAlertsPerIncident { get; init; } = StoreOptions.DefaultMaxAlertsPerIncident;

    /// <summary>
    /// The journal size that starts a compaction; a larger last snapshot raises it to that snapshot's size, so the
    /// store never rewrites its data more often than it appends as much again.
    /// </summary>
    public long CompactionThresholdBytes { get; init; } = StoreOptions.DefaultCompactionThresholdBytes;
}
