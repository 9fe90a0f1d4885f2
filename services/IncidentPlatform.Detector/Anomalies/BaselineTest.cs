namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// Is a bucket's count far above the template's recent history? Robust statistics over the history: the median as
/// the baseline and the scaled MAD as the spread, so one earlier burst moves neither. The spread is at least the
/// Poisson noise of the baseline (√median, and 1 for a template that is usually silent), because a MAD of zero (a
/// steady count) would otherwise make any wobble an anomaly. It fires when the count is at least
/// <see cref="AnomalyOptions.MinCount"/> and more than <see cref="AnomalyOptions.Sensitivity"/> spreads above the
/// baseline: a noisy error that always swings does not page; a quiet one that jumps does.
/// </summary>
internal static class BaselineTest
{
    public static BaselineVerdict Evaluate(int count, Span<double> history, AnomalyOptions options)
    {
        if (history.Length == 0)
        {
            return new BaselineVerdict(false, null, null);
        }

        var (median, deviation) = RobustStatistics.MedianAndDeviation(history);
        var spread = Math.Max(deviation, Math.Sqrt(Math.Max(median, 1)));
        var fires = history.Length >= options.MinHistory && count >= options.MinCount &&
                    count > median + (options.Sensitivity * spread);
        return new BaselineVerdict(fires, median, spread);
    }
}
