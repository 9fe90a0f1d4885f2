using IncidentPlatform.Gateway.Kpis;

namespace IncidentPlatform.Gateway.Tests.Kpis;

public sealed class KpiCalculatorTests
{
    [Fact]
    public void Compute_HandBuiltDay_GivesTheHandWorkedFigures()
    {
        var report = KpiCalculator.Compute(KpiHistory.Facts(), KpiHistory.From, KpiHistory.To, service: null);

        report.Opened.ShouldBe(4);                                  // A, B, D, E (C opened before)
        report.Resolved.ShouldBe(3);                                // A, B, C (E after)
        report.MttrSeconds.ShouldBe(9000);                          // (1 h + 30 min + 6 h) / 3
        report.MttaSeconds.ShouldBe(1500);                          // A acknowledged after 10 min, D decided after 40 min
        report.ResolvedWithoutHumanShare!.Value.ShouldBe(1.0 / 3);  // B only (A by alice, C had a rejection)
        report.AutoRemediatedVerifiedShare!.Value.ShouldBe(1.0 / 3);
        report.RemediationsByOutcome.ShouldBe(new Dictionary<string, int> { ["failed"] = 1, ["verified"] = 1 });
        report.ApprovalsDecided.ShouldBe(2);
        report.ApprovalWaitMeanSeconds.ShouldBe(4500);              // (2 h + 30 min) / 2
        report.ApprovalWaitMaxSeconds.ShouldBe(7200);
        report.Notifications.ShouldBe(new Dictionary<string, int> { ["delivered"] = 2, ["failed"] = 1 });
        report.Analyses.ShouldBe(2);
        report.AnalysesCached.ShouldBe(1);
        report.AnalysisCacheHitRate.ShouldBe(0.5);
        report.ModelSpendUsd.ShouldBe(0.0125m);
        report.ModelTokens.ShouldBe(1500);
        report.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Compute_OneService_CountsOnlyItsIncidents()
    {
        var report = KpiCalculator.Compute(KpiHistory.Facts(), KpiHistory.From, KpiHistory.To, "checkout");

        report.Opened.ShouldBe(3);
        report.Resolved.ShouldBe(2);
        report.MttrSeconds.ShouldBe(2700);
        report.MttaSeconds.ShouldBe(600);
        report.ResolvedWithoutHumanShare.ShouldBe(0.5);
        report.ApprovalsDecided.ShouldBe(0);
        report.ApprovalWaitMeanSeconds.ShouldBeNull();
        report.RemediationsByOutcome.ShouldBe(new Dictionary<string, int> { ["verified"] = 1 });
    }

    [Fact]
    public void Compute_Day_HasHourlyBucketsWithOpeningsBySeverityAndMttr()
    {
        var report = KpiCalculator.Compute(KpiHistory.Facts(), KpiHistory.From, KpiHistory.To, service: null);

        report.Series.Count.ShouldBe(24);
        report.Series[1].OpenedBySeverity.ShouldBe(new Dictionary<string, int> { ["high"] = 1 });
        report.Series[2].Resolved.ShouldBe(1);
        report.Series[2].MttrSeconds.ShouldBe(3600);
        report.Series[2].ResolvedWithoutHumanShare.ShouldBe(0);
        report.Series[3].OpenedBySeverity.ShouldBe(new Dictionary<string, int> { ["critical"] = 1 });
        report.Series[3].MttrSeconds.ShouldBe(1800);
        report.Series[3].ResolvedWithoutHumanShare.ShouldBe(1);
        report.Series[4].MttrSeconds.ShouldBe(21600);
        report.Series[0].Resolved.ShouldBe(0);
        report.Series[0].MttrSeconds.ShouldBeNull();
    }

    [Fact]
    public void Compute_EmptyWindow_HasZeroCountsAndNoMeans()
    {
        var report = KpiCalculator.Compute(KpiHistory.Facts(), KpiHistory.To.AddDays(5), KpiHistory.To.AddDays(12), service: null);

        report.Opened.ShouldBe(0);
        report.MttrSeconds.ShouldBeNull();
        report.ResolvedWithoutHumanShare.ShouldBeNull();
        report.AnalysisCacheHitRate.ShouldBeNull();
        report.Series.Count.ShouldBe(7);
    }
}
