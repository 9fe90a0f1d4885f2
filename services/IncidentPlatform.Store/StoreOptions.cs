namespace IncidentPlatform.Store;

/// <summary>
/// The incident store's configuration, bound from the <c>IncidentPlatform</c> section: <c>IncidentPlatform:Store</c>,
/// <c>IncidentPlatform:DataDirectory</c>, <c>IncidentPlatform:MaxAlertsPerIncident</c> and so on. Which store runs is
/// decided by <see cref="Store"/> and <c>ConnectionStrings:redis</c> (see <see cref="StoreExtensions.AddIncidentStore"/>).
/// </summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "IncidentPlatform";

    /// <summary>The value of <see cref="Store"/> that selects the embedded store.</summary>
    public const string Embedded = "embedded";

    /// <summary>The value of <see cref="Store"/> that selects the Redis store.</summary>
    public const string Redis = "redis";

    /// <summary>The default of <see cref="MaxAlertsPerIncident"/>.</summary>
    public const int DefaultMaxAlertsPerIncident = 200;

    /// <summary>The default of <see cref="CompactionThresholdBytes"/> (64 MiB).</summary>
    public const long DefaultCompactionThresholdBytes = 64L * 1024 * 1024;

    /// <summary>
    /// <c>embedded</c> for the embedded store (journal files in <see cref="DataDirectory"/>); <c>redis</c> or unset for
    /// the Redis store at <c>ConnectionStrings:redis</c>.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>The embedded store's directory (journal, snapshot, lock file); relative paths are from the content root.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Alerts kept per incident, newest recorded first (the incident's alert count still counts them all).</summary>
    public int MaxAlertsPerIncident { get; set; } = DefaultMaxAlertsPerIncident;

    /// <summary>
    /// The embedded store compacts its journal into a snapshot when the journal reaches this size, or the size of the
    /// last snapshot when that is larger.
    /// </summary>
    public long CompactionThresholdBytes { get; set; } = DefaultCompactionThresholdBytes;

    /// <summary>How long resolved incidents are kept before they are purged; zero keeps them forever.</summary>
    public TimeSpan ResolvedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge of resolved incidents runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
