using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Context;

/// <summary>A detector signal of the incident: counts against the baseline, with the ids of its template and sample lines.</summary>
/// <param name="Group">The group of its lines.</param>
/// <param name="Kind">Why it was raised.</param>
/// <param name="TemplateId">The detector's template id, when known.</param>
/// <param name="TemplateLine">The id of the line holding its template, when known.</param>
/// <param name="SampleLines">The ids of its sample lines.</param>
/// <param name="Count">Occurrences in the window.</param>
/// <param name="Baseline">The usual count for such a window, when known.</param>
/// <param name="Threshold">The crossed threshold, for threshold signals.</param>
/// <param name="WindowStart">Start of the window.</param>
/// <param name="WindowEnd">End of the window.</param>
internal sealed record SignalSummary(
    string Group, SignalKind Kind, string? TemplateId, string? TemplateLine, IReadOnlyList<string> SampleLines,
    long Count, double? Baseline, double? Threshold, DateTimeOffset WindowStart, DateTimeOffset WindowEnd)
{
    /// <summary>How many times the usual count this window saw (null without a baseline).</summary>
    public double? Ratio => Baseline is > 0 ? Count / Baseline.Value : null;
}
