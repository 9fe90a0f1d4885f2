namespace IncidentPlatform.Detector.Anomalies;

/// <summary>An anomaly detector's state as stored (one checkpoint per source), so a restart keeps its baselines.</summary>
/// <param name="Format">The state format; another format starts afresh.</param>
/// <param name="StartedAt">When the source first started (its warm-up runs from here).</param>
/// <param name="BucketTicks">The bucket size the counts were made with; another size drops the history.</param>
/// <param name="Watermark">The first bucket not yet judged.</param>
/// <param name="Observed">The buckets judged, oldest first: the history.</param>
/// <param name="Series">The templates' counts.</param>
internal sealed record AnomalyState(
    int Format, DateTimeOffset StartedAt, long BucketTicks, long Watermark, IReadOnlyList<long> Observed,
    IReadOnlyList<SeriesState> Series)
{
    public const int CurrentFormat = 1;
}
