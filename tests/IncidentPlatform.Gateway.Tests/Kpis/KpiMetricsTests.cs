using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPlatform.Gateway.Kpis;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Kpis;

public sealed partial class KpiMetricsTests
{
    [Fact]
    public async Task Refresh_StoredHistory_GaugesReportTheDayByWindow()
    {
        await using var host = await KpiHistory.StartHostAsync(new ManualTimeProvider(KpiHistory.To));
        await KpiHistory.StoreAsync(host.Services, KpiHistory.Facts());
        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>(), KpiMetrics.MeterName);

        metrics.Observe();
        metrics.Total("incidentplatform.kpis.mttr").ShouldBe(0); // nothing computed yet: nothing reported
        await host.Services.GetRequiredService<KpiMetrics>().RefreshAsync(TestContext.Current.CancellationToken);
        metrics.Observe();

        metrics.Total("incidentplatform.kpis.incidents.opened", ("window", "24h")).ShouldBe(4);
        metrics.Total("incidentplatform.kpis.mttr", ("window", "24h")).ShouldBe(9000);
        metrics.Total("incidentplatform.kpis.mtta", ("window", "24h")).ShouldBe(1500);
        metrics.Total("incidentplatform.kpis.resolved_without_human", ("window", "24h")).ShouldBe(1.0 / 3);
        metrics.Total("incidentplatform.kpis.remediations", ("window", "24h"), ("outcome", "verified")).ShouldBe(1);
        metrics.Total("incidentplatform.kpis.notifications", ("window", "24h"), ("status", "failed")).ShouldBe(1);
        metrics.Total("incidentplatform.kpis.model_spend_usd", ("window", "24h")).ShouldBe(0.0125);
        metrics.Total("incidentplatform.kpis.incidents.opened", ("window", "7d")).ShouldBe(5); // C, opened 2 h before the day, too
    }

    [Fact]
    public async Task GrafanaDashboard_EveryPanelReadsAnExportedKpiMetric()
    {
        await using var host = await KpiHistory.StartHostAsync(TimeProvider.System);
        var exported = new HashSet<string>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == KpiMetrics.MeterName)
                {
                    exported.Add(PrometheusName(instrument));
                }
            };
            listener.Start();
            host.Services.GetRequiredService<KpiMetrics>().ShouldNotBeNull();
        }

        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(RepositoryPaths.Root, "deploy", "grafana", "incidentplatform-kpis.json"), TestContext.Current.CancellationToken));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        panels.Count.ShouldBeGreaterThan(8);
        foreach (var panel in panels)
        {
            var names = panel.GetProperty("targets").EnumerateArray()
                .SelectMany(t => MetricName().Matches(t.GetProperty("expr").GetString()!).Select(m => m.Value)).ToList();
            names.ShouldNotBeEmpty(panel.GetProperty("title").GetString());
            names.ShouldAllBe(n => exported.Contains(n), $"{panel.GetProperty("title").GetString()}: exported are {string.Join(", ", exported)}");
        }

        exported.ShouldContain("incidentplatform_kpis_mttr_seconds");
        exported.ShouldContain("incidentplatform_kpis_resolved_without_human_ratio");
    }

    /// <summary>The name the OpenTelemetry collector's Prometheus exporter gives a gauge: dots to underscores, the unit
    /// as a suffix (s → _seconds, 1 → _ratio; annotations in braces dropped).</summary>
    private static string PrometheusName(Instrument instrument) => instrument.Name.Replace('.', '_') + instrument.Unit switch
    {
        "s" => "_seconds",
        "1" => "_ratio",
        _ => "",
    };

    [GeneratedRegex("incidentplatform_[a-z_]+")]
    private static partial Regex MetricName();
}
