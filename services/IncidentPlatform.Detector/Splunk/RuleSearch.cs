using IncidentPlatform.Detector.Signals;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>Searches one window of a rule and turns its counts into signals.</summary>
internal static class RuleSearch
{
    public static async Task<(RuleCounts Counts, IReadOnlyList<DetectorSignal> Signals)> RunAsync(
        SplunkClient client, string rule, DetectionRuleOptions options, int maxSamples, DateTimeOffset start,
        DateTimeOffset end, CancellationToken cancellationToken)
    {
        var counts = new RuleCounts(options.ServiceField, options.CountField, maxSamples);
        await client.ExportAsync(options.Query!, start, end, counts.Add, cancellationToken);
        return (counts, RuleSignals.Create(rule, options, counts, start, end));
    }
}
