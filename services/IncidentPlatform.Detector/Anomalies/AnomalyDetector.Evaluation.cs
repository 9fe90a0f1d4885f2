using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>Judging a closed bucket: one signal at most per template and bucket, the strongest reason first.</summary>
internal sealed partial class AnomalyDetector
{
    private DetectorSignal? Evaluate(TemplateSeries series, long bucket, int count)
    {
        var options = _settings.Options;
        if (_history.Length < _observed.Count)
        {
            _history = new double[Math.Max(options.History, _observed.Count)];
        }

        var n = 0;
        foreach (var observed in _observed)
        {
            _history[n++] = series.CountAt(observed);
        }

        var verdict = BaselineTest.Evaluate(count, _history.AsSpan(0, n), options);
        var threshold = _settings.Thresholds.FirstOrDefault(t => count >= t.Count && t.Matches(series));
        SignalKind kind;
        Severity severity;
        if (threshold is not null)
        {
            (kind, severity) = (SignalKind.Threshold, threshold.Severity);
        }
        else if (series.PendingNew)
        {
            (kind, severity) = (SignalKind.NewTemplate, SeverityFor(series.Level, SignalKind.NewTemplate));
        }
        else if (verdict.Fires && series.Level >= LineLevel.Warning)
        {
            (kind, severity) = (SignalKind.Baseline, SeverityFor(series.Level, SignalKind.Baseline));
        }
        else
        {
            return null;
        }

        var wasNew = series.PendingNew;
        series.PendingNew = false;
        if (!wasNew && series.LastSignal is { } last && (bucket - last) * _bucketTicks < options.RepeatAfter.Ticks &&
            severity <= series.LastSeverity)
        {
            return null;
        }

        series.LastSignal = bucket;
        series.LastSeverity = severity;
        return AnomalySignals.Create(_settings.Labels, new AnomalyFinding(
            SourceId, series, kind, severity, count, verdict, threshold, BucketStart(bucket), BucketStart(bucket + 1),
            series.SamplesAt(bucket)));
    }

    /// <summary>Worse levels page harder; a new template alone is one step below a measured surge.</summary>
    public static Severity SeverityFor(LineLevel level, SignalKind kind)
    {
        var severity = level switch
        {
            LineLevel.Fatal => Severity.Critical,
            LineLevel.Error => Severity.High,
            LineLevel.Warning => Severity.Medium,
            _ => Severity.Low,
        };
        return kind == SignalKind.NewTemplate && severity > Severity.Low ? severity - 1 : severity;
    }
}
