namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// How alerts become incidents (section <c>Detector:Correlation</c>). Windows are measured on the detector's clock.
/// <list type="bullet">
/// <item>While an incident is unresolved, every alert of its fingerprints updates it, however long ago the last one came.</item>
/// <item>After it is resolved: an alert observed before the resolution (its timestamp), or a resolve, received within
/// <see cref="DedupWindow"/> of it is a late delivery and is counted into the resolved incident without reopening it; any
/// other firing alert within <see cref="ReopenWindow"/> reopens it (flapping); later ones open a new incident, and later
/// resolves are ignored.</item>
/// <item>With grouping on for a source, a new fingerprint of a service joins the service's incident while that incident
/// is younger than <see cref="GroupingWindow"/>; after that it opens one of its own.</item>
/// </list>
/// </summary>
internal sealed class CorrelationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Detector:Correlation";

    /// <summary>Labels that change between deliveries of the same problem and are left out of label fingerprints.</summary>
    public static readonly IReadOnlyList<string> DefaultVolatileLabels =
    [
        "pod", "pod_name", "pod_ip", "pod_uid", "pod_template_hash", "container_id", "replica", "prometheus_replica",
        "__replica__", "timestamp", "value",
    ];

    /// <summary>After a resolution, late alerts (observed before it) received within this window are counted into it.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A firing alert within this window after its incident was resolved reopens it; zero never reopens.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after it opened a service's grouped incident takes in new fingerprints of that service.</summary>
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Alerts recorded one by one in an incident's timeline; later ones are summarised periodically.</summary>
    public int TimelineAlerts { get; set; } = 10;

    /// <summary>At most one "N more alerts" timeline entry per incident per interval.</summary>
    public TimeSpan TimelineSummaryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one non-significant <c>IncidentUpdated</c> per incident per interval; the sweeper publishes the last.</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the quiet-period check runs (the sweeper itself ticks every <see cref="UpdateInterval"/>).</summary>
    public TimeSpan QuietCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the active silences are reloaded from the store.</summary>
    public TimeSpan SilenceRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an ended silence stays listed (as expired) before the sweeper deletes it.</summary>
    public TimeSpan SilenceRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Labels left out of label fingerprints; null means <see cref="DefaultVolatileLabels"/>.</summary>
    public string[]? VolatileLabels { get; set; }

    /// <summary>Per-source settings, by <c>Alert.Source</c> (case-insensitive); unset fields keep the defaults.</summary>
    public Dictionary<string, SourceCorrelationOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
