namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Saving and restoring the detector's state, so a restart does not forget the baselines.</summary>
internal sealed partial class AnomalyDetector
{
    /// <summary>How many missed buckets a restart may leave and still have them judged (a quick restart: the
    /// backlog is read from the file offsets and the queue before they close).</summary>
    private const int ResumableGap = 2;

    public AnomalyState ToState() => new(
        AnomalyState.CurrentFormat,
        StartedAt,
        _bucketTicks,
        _watermark,
        [.. _observed],
        [.. _series.Values.Select(s => new SeriesState(
            s.Service, s.TemplateId, s.Template, s.Level,
            [.. s.Counts.OrderBy(c => c.Key).SelectMany(c => (long[])[c.Key, c.Value])],
            s.PendingNew, s.LastSeen, s.LastSignal, s.LastSeverity))]);

    /// <summary>
    /// The detector as saved: its warm-up start always; its history and counts when they were made with the same
    /// bucket size. After a long downtime the buckets missed are skipped, not judged.
    /// </summary>
    public static AnomalyDetector Restore(string sourceId, AnomalySettings settings, AnomalyState state, DateTimeOffset now)
    {
        var detector = new AnomalyDetector(sourceId, settings, now) { StartedAt = state.StartedAt };
        if (state.Format != AnomalyState.CurrentFormat || state.BucketTicks != detector._bucketTicks)
        {
            return detector;
        }

        if (detector.BucketOf(now - settings.Options.Lateness) - state.Watermark <= ResumableGap)
        {
            detector._watermark = state.Watermark;
        }

        foreach (var bucket in state.Observed.TakeLast(settings.Options.History))
        {
            detector._observed.Enqueue(bucket);
        }

        foreach (var saved in state.Series.Take(settings.Options.MaxSeries))
        {
            var series = new TemplateSeries(saved.Service, saved.TemplateId, saved.Level)
            {
                Template = saved.Template,
                PendingNew = saved.PendingNew,
                LastSeen = saved.LastSeen,
                LastSignal = saved.LastSignal,
                LastSeverity = saved.LastSeverity,
            };
            for (var i = 0; i + 1 < saved.Counts.Count; i += 2)
            {
                series.SetCount(saved.Counts[i], (int)saved.Counts[i + 1]);
            }

            detector._series[(saved.Service, saved.TemplateId)] = series;
        }

        return detector;
    }
}
