using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The effective per-source settings: configuration first, then the built-in defaults.</summary>
internal static class SourcePolicy
{
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMinutes(30);

    /// <summary>Sources that report recoveries themselves, so silence does not mean "over".</summary>
    private static readonly HashSet<string> SendResolves =
        new(["cloudwatch", "alertmanager", "grafana", "pagerduty"], StringComparer.OrdinalIgnoreCase);

    public static bool Groups(this CorrelationOptions options, Alert alert) =>
        options.Sources.GetValueOrDefault(alert.Source)?.Group ?? alert.Evidence is not null;

    public static TimeSpan QuietPeriod(this CorrelationOptions options, string source) =>
        options.Sources.GetValueOrDefault(source)?.QuietPeriod
        ?? (SendResolves.Contains(source) ? TimeSpan.Zero : DefaultQuietPeriod);

    /// <summary>The shortest quiet period in force (for listing candidates), or null when every source has it off.</summary>
    public static TimeSpan? ShortestQuietPeriod(this CorrelationOptions options)
    {
        var periods = options.Sources.Values.Select(s => s.QuietPeriod).OfType<TimeSpan>().Append(DefaultQuietPeriod)
            .Where(p => p > TimeSpan.Zero).ToList();
        return periods.Count == 0 ? null : periods.Min();
    }
}
