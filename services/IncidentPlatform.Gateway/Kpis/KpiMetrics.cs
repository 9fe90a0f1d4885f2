using System.Diagnostics.Metrics;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>
/// The KPIs as OpenTelemetry observable gauges on the meter <c>incidentplatform.kpis</c>, tagged with the rolling
/// <c>window</c> (<c>24h</c>, <c>7d</c>), from the last <see cref="RefreshAsync"/> (the observation callbacks never read the
/// store). A mean or share over nothing is not reported. In Prometheus (through the collector) the names take
/// underscores and unit suffixes: <c>incidentplatform_kpis_mttr_seconds</c>, <c>…_resolved_without_human_ratio</c>.
/// </summary>
internal sealed class KpiMetrics
{
    public const string MeterName = "incidentplatform.kpis";
    public static readonly (string Tag, TimeSpan Length)[] Windows = [("7d", TimeSpan.FromDays(7)), ("24h", TimeSpan.FromDays(1))];

    private readonly KpiService _kpis;
    private readonly TimeProvider _time;
    private volatile IReadOnlyList<(string Window, KpiReport Report)> _snapshot = [];

    public KpiMetrics(IMeterFactory meters, KpiService kpis, TimeProvider time)
    {
        _kpis = kpis;
        _time = time;
        var meter = meters.Create(MeterName);
        Gauge(meter, "incidents.opened", "{incident}", "Incidents opened in the window.", r => r.Opened);
        Gauge(meter, "incidents.resolved", "{incident}", "Incidents resolved in the window.", r => r.Resolved);
        Gauge(meter, "mtta", "s", "Mean time to the first acknowledgement or approval decision.", r => r.MttaSeconds);
        Gauge(meter, "mttr", "s", "Mean time from opening to resolution.", r => r.MttrSeconds);
        Gauge(meter, "resolved_without_human", "1", "Share of resolved incidents nobody acknowledged, decided on or resolved by hand.", r => r.ResolvedWithoutHumanShare);
        Gauge(meter, "auto_remediation_verified", "1", "Share of resolved incidents with a verified remediation run without approval.", r => r.AutoRemediatedVerifiedShare);
        Gauge(meter, "approval_wait", "s", "Mean wait from a remediation's request to its first decision.", r => r.ApprovalWaitMeanSeconds);
        Gauge(meter, "analysis_cache_hits", "1", "Share of analyses answered from the cache.", r => r.AnalysisCacheHitRate);
        Gauge(meter, "model_spend_usd", "{USD}", "Model spend of the analyses in the window, in US dollars.", r => (double)r.ModelSpendUsd);
        Tagged(meter, "remediations", "{remediation}", "Remediations created in the window, by outcome.", "outcome", r => r.RemediationsByOutcome);
        Tagged(meter, "notifications", "{delivery}", "Notification deliveries in the window, by status.", "status", r => r.Notifications);
    }

    /// <summary>Computes the windows ending now; the gauges report them from then on.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var reports = new List<(string, KpiReport)>();
        foreach (var (tag, length) in Windows)
        {
            reports.Add((tag, await _kpis.ComputeAsync(now - length, now, null, cancellationToken)));
        }

        _snapshot = reports;
    }

    private void Gauge(Meter meter, string name, string unit, string description, Func<KpiReport, double?> value) =>
        meter.CreateObservableGauge($"{MeterName}.{name}", () => _snapshot
            .Where(s => value(s.Report) is not null)
            .Select(s => new Measurement<double>(value(s.Report)!.Value, new KeyValuePair<string, object?>("window", s.Window))), unit, description);

    private void Tagged(Meter meter, string name, string unit, string description, string tag, Func<KpiReport, IReadOnlyDictionary<string, int>> counts) =>
        meter.CreateObservableGauge($"{MeterName}.{name}", () => _snapshot.SelectMany(s => counts(s.Report).Select(c =>
            new Measurement<long>(c.Value, new KeyValuePair<string, object?>("window", s.Window), new KeyValuePair<string, object?>(tag, c.Key)))),
            unit, description);
}
