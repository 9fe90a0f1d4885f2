namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// Anomaly detection over log templates (<c>Detector:Anomaly</c>): counts per service and template in time buckets,
/// judged against static thresholds, against their own recent history, and for error templates never seen before.
/// </summary>
internal sealed class AnomalyOptions
{
    /// <summary>The length of a counting bucket.</summary>
    public TimeSpan BucketSize { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many past buckets are kept as the baseline (in memory and in the store).</summary>
    public int History { get; set; } = 60;

    /// <summary>Buckets observed before the baseline test may fire (a fresh start has no baseline).</summary>
    public int MinHistory { get; set; } = 10;

    /// <summary>The least count in a bucket for a baseline signal: a quiet error that happens twice does not page.</summary>
    public int MinCount { get; set; } = 10;

    /// <summary>How many robust deviations above the median a count must be for a baseline signal.</summary>
    public double Sensitivity { get; set; } = 6;

    /// <summary>How long after its end a bucket stays open for records that arrive late.</summary>
    public TimeSpan Lateness { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After a fresh start (no stored state for a source), new templates are learnt silently for this long.</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A template that signalled does not signal again for this long unless its severity rises.</summary>
    public TimeSpan RepeatAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sample lines kept per bucket and template (verbatim, each cut to <see cref="MaxSampleLength"/>).</summary>
    public int MaxSamples { get; set; } = 5;

    public int MaxSampleLength { get; set; } = 2000;

    /// <summary>Templates tracked per source; past it new ones are mined but not counted.</summary>
    public int MaxSeries { get; set; } = 10_000;

    /// <summary>How often buckets are closed, signals raised and state saved.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two saves of a source's templates (they are saved at shutdown too).</summary>
    public TimeSpan TemplateSaveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Static per-template thresholds, by name.</summary>
    public Dictionary<string, TemplateThresholdOptions> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
