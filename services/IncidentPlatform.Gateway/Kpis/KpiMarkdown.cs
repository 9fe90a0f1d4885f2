using System.Globalization;
using System.Text;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>The operations report for the business: the KPIs of a period against the period before, as Markdown.</summary>
internal static class KpiMarkdown
{
    private enum Better { Lower, Higher, Neither }

    public static string Report(KpiReport after, KpiReport before)
    {
        var text = new StringBuilder();
        var scope = after.Service is null ? "all services" : $"service `{Escape(after.Service)}`";
        text.AppendLine(CultureInfo.InvariantCulture, $"# Operations report: {Day(after.From)} to {Day(after.To)}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Compared with {Day(before.From)} to {Day(before.To)}, for {scope}. Times in UTC.");
        text.AppendLine();
        text.AppendLine("| KPI | Before | After | Change |");
        text.AppendLine("|---|---:|---:|---|");
        Count(text, "Incidents opened", before.Opened, after.Opened, Better.Lower);
        Count(text, "Incidents resolved", before.Resolved, after.Resolved, Better.Neither);
        Time(text, "MTTA (to first acknowledgement or decision)", before.MttaSeconds, after.MttaSeconds);
        Time(text, "MTTR (open to resolved)", before.MttrSeconds, after.MttrSeconds);
        Share(text, "Resolved without a person", before.ResolvedWithoutHumanShare, after.ResolvedWithoutHumanShare);
        Share(text, "Resolved with a verified automatic remediation", before.AutoRemediatedVerifiedShare, after.AutoRemediatedVerifiedShare);
        Time(text, "Approval wait (mean)", before.ApprovalWaitMeanSeconds, after.ApprovalWaitMeanSeconds);
        Share(text, "Analysis cache hit rate", before.AnalysisCacheHitRate, after.AnalysisCacheHitRate);
        Row(text, "Model spend", KpiFormat.Usd(before.ModelSpendUsd), KpiFormat.Usd(after.ModelSpendUsd),
            Signed((double)(after.ModelSpendUsd - before.ModelSpendUsd), v => KpiFormat.Usd((decimal)Math.Abs(v))) + Verdict(
                (double)(after.ModelSpendUsd - before.ModelSpendUsd), Better.Lower));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Remediations: before {KpiFormat.Counts(before.RemediationsByOutcome)}; after {KpiFormat.Counts(after.RemediationsByOutcome)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Notifications: before {KpiFormat.Counts(before.Notifications)}; after {KpiFormat.Counts(after.Notifications)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Analyses: before {before.Analyses} ({before.AnalysesCached} cached); after {after.Analyses} ({after.AnalysesCached} cached).");
        if (after.Truncated || before.Truncated)
        {
            text.AppendLine("- Note: more incidents were touched than one computation reads; the figures cover the newest of them.");
        }

        return text.ToString();
    }

    private static void Count(StringBuilder text, string name, int before, int after, Better better) =>
        Row(text, name, before.ToString(CultureInfo.InvariantCulture), after.ToString(CultureInfo.InvariantCulture),
            Signed(after - before, v => v.ToString("0", CultureInfo.InvariantCulture)) + Relative(before, after) + Verdict(after - before, better));

    private static void Time(StringBuilder text, string name, double? before, double? after, Better better = Better.Lower) =>
        Row(text, name, KpiFormat.Duration(before), KpiFormat.Duration(after),
            before is { } b && after is { } a ? Signed(a - b, v => KpiFormat.Duration(Math.Abs(v))) + Relative(b, a) + Verdict(a - b, better) : "–");

    private static void Share(StringBuilder text, string name, double? before, double? after) =>
        Row(text, name, KpiFormat.Percent(before), KpiFormat.Percent(after),
            before is { } b && after is { } a
                ? Signed((a - b) * 100, v => string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(v):0.#} pp")) + Verdict(a - b, Better.Higher)
                : "–");

    private static void Row(StringBuilder text, string name, string before, string after, string change) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {before} | {after} | {change} |");

    private static string Signed(double delta, Func<double, string> format) =>
        delta == 0 ? "no change" : (delta > 0 ? "+" : "−") + format(Math.Abs(delta));

    private static string Relative(double before, double after) =>
        before == 0 || after == before ? "" : string.Create(CultureInfo.InvariantCulture, $" ({(after - before) / before * 100:+0;−0} %)");

    private static string Verdict(double delta, Better better) => (delta, better) switch
    {
        (0, _) or (_, Better.Neither) => "",
        (< 0, Better.Lower) or (> 0, Better.Higher) => ", better",
        _ => ", worse",
    };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "/", StringComparison.Ordinal);
}
