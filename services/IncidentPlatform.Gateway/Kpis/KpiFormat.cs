using System.Globalization;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>KPI values as people read them (durations, percentages, money), for the MCP tool's text and the Markdown report.</summary>
internal static class KpiFormat
{
    public static string Duration(double? seconds) => seconds switch
    {
        null => "–",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:0.#} d"),
    };

    public static string Percent(double? share) =>
        share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.#} %") : "–";

    public static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"${amount:0.00##}");

    public static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));

    /// <summary>The headline figures, one per line.</summary>
    public static IEnumerable<string> Lines(KpiReport r)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"Opened {r.Opened}, resolved {r.Resolved}; MTTA {Duration(r.MttaSeconds)}, MTTR {Duration(r.MttrSeconds)}");
        yield return $"Resolved without a person: {Percent(r.ResolvedWithoutHumanShare)}; with a verified automatic remediation: {Percent(r.AutoRemediatedVerifiedShare)}";
        yield return $"Remediations: {Counts(r.RemediationsByOutcome)}; approval wait mean {Duration(r.ApprovalWaitMeanSeconds)}, max {Duration(r.ApprovalWaitMaxSeconds)} ({r.ApprovalsDecided} decided)";
        yield return $"Notifications: {Counts(r.Notifications)}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Analyses {r.Analyses}, cache hit rate {Percent(r.AnalysisCacheHitRate)}, model spend {Usd(r.ModelSpendUsd)} ({r.ModelTokens:N0} tokens)");
    }
}
