using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Signals;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// The threshold signals of one searched window: one per service at or above the rule's threshold (the
/// <see cref="MaxSignals"/> highest counts), with a fingerprint stable per rule and service and an id per window (so
/// searching a window again raises the same alerts).
/// </summary>
internal static class RuleSignals
{
    public const string DefaultSource = "splunk";

    /// <summary>Signals of one window at most: the services with the highest counts.</summary>
    public const int MaxSignals = 100;
    public const string DefaultTitle = "{rule}: {count} events for {service} in {window} (threshold {threshold})";

    public static IReadOnlyList<DetectorSignal> Create(
        string rule, DetectionRuleOptions options, RuleCounts counts, DateTimeOffset start, DateTimeOffset end)
    {
        var window = Describe(end - start);
        var signals = new List<DetectorSignal>();
        var over = counts.Services.Where(s => s.Count >= options.Threshold)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Service, StringComparer.Ordinal).Take(MaxSignals);
        foreach (var (service, count, samples) in over)
        {
            var title = (options.Title ?? DefaultTitle)
                .Replace("{rule}", rule, StringComparison.Ordinal)
                .Replace("{service}", service, StringComparison.Ordinal)
                .Replace("{count}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{threshold}", options.Threshold.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{window}", window, StringComparison.Ordinal);
            var sample = samples.Count > 0 ? $"\nSample:\n{samples[0]}" : "";
            signals.Add(new DetectorSignal
            {
                Source = options.Source ?? DefaultSource,
                Service = service,
                Severity = options.Severity,
                Title = title,
                Message = $"Splunk rule '{rule}' counted {count} events for {service} from {start:O} to {end:O}, " +
                          $"at or above its threshold {options.Threshold}.\nSearch: {options.Query}{sample}",
                Evidence = new SignalEvidence
                {
                    Kind = SignalKind.Threshold,
                    Rule = rule,
                    Count = count,
                    Threshold = options.Threshold,
                    WindowStart = start,
                    WindowEnd = end,
                    SampleLines = samples,
                },
                FingerprintKey = $"splunk\n{rule}\n{service}",
                IdKey = $"splunk\n{rule}\n{service}\n{start:O}\n{end:O}",
                Labels = new Dictionary<string, string>
                {
                    ["rule"] = rule,
                    ["windowStart"] = start.ToString("O", CultureInfo.InvariantCulture),
                    ["windowEnd"] = end.ToString("O", CultureInfo.InvariantCulture),
                },
            });
        }

        return signals;
    }

    private static string Describe(TimeSpan window) => window.TotalMinutes switch
    {
        < 1 => $"{window.TotalSeconds:0}s",
        < 60 => $"{window.TotalMinutes:0.#} min",
        _ => $"{window.TotalHours:0.#} h",
    };
}
