using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>
/// The one place the KPIs are defined: a pure function of the stored facts of the incidents a window touched. Each fact
/// counts in the window its own time falls in (opening, resolution, decision, delivery, analysis), so an incident opened
/// before the window but resolved in it counts as resolved, not as opened.
/// </summary>
internal static class KpiCalculator
{
    /// <summary>Resolvers that are not a person (<see cref="Incident.ResolvedBy"/>).</summary>
    private static readonly HashSet<string> AutomaticResolvers = new(StringComparer.Ordinal) { "alert", "quiet-period", "remediation" };

    public static KpiReport Compute(IEnumerable<KpiFacts> all, DateTimeOffset from, DateTimeOffset to, string? service, bool truncated = false)
    {
        var facts = all.Where(f => service is null || string.Equals(f.Incident.Service, service, StringComparison.Ordinal)).ToList();
        bool In(DateTimeOffset at) => at >= from && at < to;

        var opened = facts.Where(f => In(f.Incident.CreatedAt)).ToList();
        var resolved = facts.Where(f => f.Incident.ResolvedAt is { } r && In(r)).ToList();
        var acknowledged = opened.Select(FirstResponse).OfType<TimeSpan>().ToList();
        var remediations = facts.SelectMany(f => f.Remediations).Where(r => In(r.CreatedAt)).ToList();
        var waits = facts.SelectMany(f => f.Remediations)
            .Where(r => r.Decisions.Count > 0 && In(r.Decisions.Min(d => d.At)))
            .Select(r => r.Decisions.Min(d => d.At) - r.CreatedAt).ToList();
        var deliveries = facts.SelectMany(f => f.Deliveries).Where(d => In(d.At)).ToList();
        var analyses = facts.SelectMany(f => f.Timeline).Where(t => t.Kind == "analyzed" && In(t.At)).ToList();
        var cached = analyses.Count(a => a.Data.GetValueOrDefault("cached") == "true");

        return new KpiReport
        {
            From = from, To = to, Service = service, Truncated = truncated,
            Opened = opened.Count,
            Resolved = resolved.Count,
            MttaSeconds = Mean(acknowledged),
            MttrSeconds = Mean(resolved.Select(Duration)),
            ResolvedWithoutHumanShare = Share(resolved, f => !HadHumanAction(f)),
            AutoRemediatedVerifiedShare = Share(resolved, f => f.Remediations.Any(IsAutomaticVerified)),
            RemediationsByOutcome = Count(remediations.Select(r => StateName(r.State))),
            ApprovalsDecided = waits.Count,
            ApprovalWaitMeanSeconds = Mean(waits),
            ApprovalWaitMaxSeconds = waits.Count == 0 ? null : waits.Max().TotalSeconds,
            Notifications = Count(deliveries.Select(d => d.Status.ToString().ToLowerInvariant())),
            Analyses = analyses.Count,
            AnalysesCached = cached,
            AnalysisCacheHitRate = analyses.Count == 0 ? null : (double)cached / analyses.Count,
            ModelSpendUsd = analyses.Sum(a => Decimal(a.Data.GetValueOrDefault("costUsd"))),
            ModelTokens = analyses.Sum(a => long.TryParse(a.Data.GetValueOrDefault("tokens"), CultureInfo.InvariantCulture, out var t) ? t : 0),
            Series = Buckets(facts, from, to),
        };
    }

    /// <summary>Hours for a window up to two days, days beyond.</summary>
    public static TimeSpan BucketSize(DateTimeOffset from, DateTimeOffset to) => to - from <= TimeSpan.FromDays(2) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>True when a person acknowledged it, decided on one of its remediations, or resolved it.</summary>
    public static bool HadHumanAction(KpiFacts f) =>
        f.Incident.AcknowledgedAt is not null
        || f.Remediations.Any(r => r.Decisions.Count > 0)
        || (f.Incident.ResolvedBy is { } by && !AutomaticResolvers.Contains(by));

    private static bool IsAutomaticVerified(Contracts.Remediation r) =>
        r.State == RemediationState.Verified && r.Decisions.Count == 0 && !r.DryRun;

    private static TimeSpan? FirstResponse(KpiFacts f)
    {
        var times = f.Remediations.SelectMany(r => r.Decisions).Select(d => d.At)
            .Concat(f.Incident.AcknowledgedAt is { } a ? [a] : []).ToList();
        return times.Count == 0 ? null : times.Min() - f.Incident.CreatedAt;
    }

    private static TimeSpan Duration(KpiFacts f) => f.Incident.ResolvedAt!.Value - f.Incident.CreatedAt;

    private static IReadOnlyList<KpiBucket> Buckets(List<KpiFacts> facts, DateTimeOffset from, DateTimeOffset to)
    {
        var size = BucketSize(from, to);
        var buckets = new List<KpiBucket>();
        for (var start = from; start < to; start += size)
        {
            var end = start + size < to ? start + size : to;
            var s = start;
            var resolved = facts.Where(f => f.Incident.ResolvedAt is { } r && r >= s && r < end).ToList();
            buckets.Add(new KpiBucket
            {
                Start = start,
                OpenedBySeverity = Count(facts.Where(f => f.Incident.CreatedAt >= s && f.Incident.CreatedAt < end)
                    .Select(f => f.Incident.Severity.ToString().ToLowerInvariant())),
                Resolved = resolved.Count,
                MttrSeconds = Mean(resolved.Select(Duration)),
                ResolvedWithoutHumanShare = Share(resolved, f => !HadHumanAction(f)),
            });
        }

        return buckets;
    }

    private static string StateName(RemediationState state) =>
        state == RemediationState.PendingApproval ? "pending-approval" : state.ToString().ToLowerInvariant();

    private static Dictionary<string, int> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static double? Mean(IEnumerable<TimeSpan> spans)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : list.Average(s => s.TotalSeconds);
    }

    private static double? Share(List<KpiFacts> of, Func<KpiFacts, bool> predicate) =>
        of.Count == 0 ? null : (double)of.Count(predicate) / of.Count;

    private static decimal Decimal(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m;
}
