using System.ComponentModel.DataAnnotations;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary><c>Kpis</c>: how much one KPI computation may read, and how long its reading is reused.</summary>
internal sealed class KpiOptions
{
    public const string Section = "Kpis";

    /// <summary>The longest window a request may ask for (default 92 days).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "400.00:00:00")]
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromDays(92);

    /// <summary>The most incidents one computation reads (newest first); beyond, the report says it is truncated (default 20,000).</summary>
    [Range(1, 1_000_000)]
    public int MaxIncidents { get; set; } = 20_000;

    /// <summary>How long what was read is reused by later requests whose window it covers (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the KPI metrics (<see cref="KpiMetrics"/>) are recomputed; 0 turns them off (default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromMinutes(1);
}
