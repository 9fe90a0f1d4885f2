using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.LogTemplates;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// Anomaly detection for one log source: counts records per service and template in time buckets (by the record's own
/// timestamp), and when a bucket closes judges each template's count in it — static thresholds, the baseline test
/// against the template's recent history, and "a new error template appeared". History counts only buckets the
/// detector observed: after downtime the missing buckets are skipped rather than taken for zeros, and records older
/// than the open buckets are mined but not counted (a backlog read after a restart does not look like a burst).
/// <para>Not thread-safe: its <see cref="Logs.LogSource"/> serialises calls.</para>
/// </summary>
internal sealed partial class AnomalyDetector
{
    private readonly Dictionary<(string Service, string TemplateId), TemplateSeries> _series = [];
    private readonly Queue<long> _observed = new();
    private readonly AnomalySettings _settings;
    private readonly long _bucketTicks;
    private double[] _history = [];
    private long _watermark;

    public AnomalyDetector(string sourceId, AnomalySettings settings, DateTimeOffset now)
    {
        SourceId = sourceId;
        _settings = settings;
        _bucketTicks = settings.Options.BucketSize.Ticks;
        StartedAt = now;
        _watermark = BucketOf(now);
    }

    public string SourceId { get; }

    /// <summary>When the source was first started (the warm-up runs from here).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public int SeriesCount => _series.Count;

    /// <summary>The first bucket not yet judged; it moves when <see cref="Close"/> closes buckets.</summary>
    public long Watermark => _watermark;

    public DateTimeOffset BucketStart(long bucket) => new(bucket * _bucketTicks, TimeSpan.Zero);

    public long BucketOf(DateTimeOffset at) => at.UtcTicks / _bucketTicks;

    /// <summary>Counts a record; false when it is not counted (its bucket was judged already, or too many series).</summary>
    public bool Observe(string service, TemplateMatch match, LineLevel level, DateTimeOffset at, string text, DateTimeOffset now)
    {
        var bucket = Math.Min(BucketOf(at), BucketOf(now));
        if (bucket < _watermark)
        {
            return false;
        }

        if (!_series.TryGetValue((service, match.TemplateId), out var series))
        {
            if (_series.Count >= _settings.Options.MaxSeries)
            {
                return false;
            }

            series = new TemplateSeries(service, match.TemplateId, level);
            _series.Add((service, match.TemplateId), series);
        }

        series.Template = match.Template;
        series.Add(bucket, text, _settings.Options.MaxSamples, _settings.Options.MaxSampleLength);
        if (match.IsNew && level >= LineLevel.Error && now >= StartedAt + _settings.WarmUp)
        {
            series.PendingNew = true;
        }

        return true;
    }

    /// <summary>Closes every bucket that ended at least the lateness ago; returns the signals they raise.</summary>
    public IReadOnlyList<DetectorSignal> Close(DateTimeOffset now)
    {
        var closeBefore = BucketOf(now - _settings.Options.Lateness);
        if (closeBefore - _watermark > _settings.Options.History)
        {
            // Stalled far longer than the history (a suspended process): the oldest buckets cannot be judged fairly.
            _watermark = closeBefore - _settings.Options.History;
        }

        List<DetectorSignal>? signals = null;
        for (; _watermark < closeBefore; _watermark++)
        {
            CloseBucket(_watermark, ref signals);
        }

        return signals ?? [];
    }

    private void CloseBucket(long bucket, ref List<DetectorSignal>? signals)
    {
        foreach (var series in _series.Values)
        {
            var count = series.CountAt(bucket);
            if (count > 0 && Evaluate(series, bucket, count) is { } signal)
            {
                (signals ??= []).Add(signal);
            }

            series.CloseBucket(bucket);
        }

        _observed.Enqueue(bucket);
        while (_observed.Count > _settings.Options.History)
        {
            _observed.Dequeue();
        }

        var oldest = _observed.Peek();
        List<(string, string)>? forgotten = null;
        foreach (var (key, series) in _series)
        {
            series.TrimBefore(oldest);
            if (series.IsEmpty && !series.PendingNew && series.LastSeen < oldest)
            {
                (forgotten ??= []).Add(key);
            }
        }

        foreach (var key in forgotten ?? [])
        {
            _series.Remove(key);
        }
    }
}
