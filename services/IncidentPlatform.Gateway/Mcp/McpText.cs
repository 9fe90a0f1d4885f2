using System.Globalization;
using System.Text.Json;
using IncidentPlatform.Gateway.Mcp.Tools;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// The readable text of tool results, beside their structured content: a few lines a person (or a model reading text)
/// takes in at a glance, not JSON in a string. Text from alerts stays untrusted data; it is only shortened here.
/// </summary>
internal static class McpText
{
    public static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>An enum value as words: <c>PendingApproval</c> → "pending approval".</summary>
    public static string Word<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()).Replace('-', ' ');

    /// <summary>One incident on one line.</summary>
    public static string Line(Incident incident) =>
        $"- {incident.Id} [{Word(incident.Severity)}, {Word(incident.Status)}] {TextLimits.Truncate(incident.Title, 200)}" +
        $"{(incident.Service is null ? "" : $" — {incident.Service}")}; {incident.AlertCount} alert(s), updated {When(incident.UpdatedAt)}" +
        $"{(incident.SilencedBy is null ? "" : $", silenced by {incident.SilencedBy}")}";

    /// <summary>One detection signal on one line.</summary>
    public static string Line(SignalEvidence signal)
    {
        var against = signal.Threshold is { } threshold ? $" (threshold {threshold:0.##})"
            : signal.Baseline is { } baseline ? $" (baseline {baseline:0.##})" : "";
        var sample = signal.SampleLines.Count > 0 ? $"; e.g. {signal.SampleLines[0]}" : "";
        return $"- {Word(signal.Kind)} {signal.Rule ?? signal.TemplateId}: {signal.Count} in {When(signal.WindowStart)}–" +
               $"{When(signal.WindowEnd)}{against}{sample}";
    }

    public static IEnumerable<string> Detail(Incident incident, IReadOnlyList<Alert> alerts, IReadOnlyList<TimelineEntry> timeline)
    {
        yield return $"Service: {incident.Service ?? "(none)"}; source {incident.Source}; opened {When(incident.CreatedAt)}, " +
                     $"updated {When(incident.UpdatedAt)}{(incident.SilencedBy is null ? "" : $"; silenced by {incident.SilencedBy}")}.";
        if (incident.Analysis is { } analysis)
        {
            foreach (var line in Analysis(analysis))
            {
                yield return line;
            }
        }

        yield return $"Latest alerts ({Math.Min(alerts.Count, McpViews.DetailAlerts)} of {incident.AlertCount}):";
        foreach (var alert in alerts.Take(McpViews.DetailAlerts))
        {
            yield return $"- {When(alert.Timestamp)} {Word(alert.Severity)} {Word(alert.Status)} from {alert.Source}: " +
                         TextLimits.Truncate(alert.Title, 200);
        }

        yield return $"Timeline (latest {Math.Min(timeline.Count, McpViews.DetailTimeline)} of {timeline.Count}):";
        foreach (var entry in timeline.TakeLast(McpViews.DetailTimeline))
        {
            yield return $"- {When(entry.At)} {entry.Kind}: {TextLimits.Truncate(entry.Message, 300)}{(entry.Actor is null ? "" : $" ({entry.Actor})")}";
        }
    }

    public static IEnumerable<string> Analysis(IncidentAnalysis analysis)
    {
        yield return $"Analysis ({analysis.Provider}, {When(analysis.AnalyzedAt)}): {analysis.Category}, {Word(analysis.Severity)}.";
        foreach (var (hypothesis, rank) in analysis.Hypotheses.Take(5).Select((h, i) => (h, i + 1)))
        {
            yield return $"{rank}. {TextLimits.Truncate(hypothesis.Summary, 300)} (confidence {hypothesis.Confidence:0.00})";
        }

        if (analysis.Impact.Length > 0)
        {
            yield return $"Impact: {TextLimits.Truncate(analysis.Impact, 300)}";
        }

        foreach (var step in analysis.Steps.Take(10))
        {
            yield return $"Step: {TextLimits.Truncate(step, 300)}";
        }

        foreach (var action in analysis.RecommendedActions.Take(5))
        {
            yield return $"Recommended action: {action.ActionId}";
        }
    }
}
