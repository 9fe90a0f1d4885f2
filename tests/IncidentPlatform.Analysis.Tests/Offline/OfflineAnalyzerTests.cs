using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Offline;
using IncidentPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Tests.Offline;

public sealed class OfflineAnalyzerTests
{
    private static readonly OfflineAnalyzer Analyzer = new(Options.Create(new AnalysisOptions()), TimeProvider.System);

    [Fact]
    public void Analyze_PoolExhaustionWithTimeouts_RanksTheCauseAboveTheSymptom()
    {
        var analysis = Analyzer.Analyze(Contexts.Of(
            "checkout p99 latency above 5s",
            "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
            "Unable to acquire JDBC Connection"));

        analysis.Category.ShouldBe(AnalysisCategories.ConnectionPoolExhaustion);
        analysis.Hypotheses.Count.ShouldBeGreaterThan(1);
        analysis.Hypotheses[1].Summary.ShouldBe(KnowledgeBase.Signatures.Single(s => s.Category == AnalysisCategories.Timeout).Summary);
        analysis.Hypotheses[0].Evidence.ShouldContain(e => e.StartsWith("L2: HikariPool-1", StringComparison.Ordinal));
        analysis.Provider.ShouldBe("offline");
        analysis.Tokens.ShouldBe(0);
    }

    [Fact]
    public void Analyze_NothingKnown_IsUnknownWithLowConfidence()
    {
        var analysis = Analyzer.Analyze(Contexts.Of("Conversion rate dropped 40% vs last week", "Orders per minute 112 vs expected 190"));

        analysis.Category.ShouldBe(AnalysisCategories.Unknown);
        analysis.Hypotheses.ShouldHaveSingleItem().Confidence.ShouldBe(0.1);
        analysis.RecommendedActions.ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_NoTextAtAll_IsUnknownWithTheLeastConfidence()
    {
        Analyzer.Analyze(Contexts.Of()).Hypotheses.ShouldHaveSingleItem().Confidence.ShouldBe(0.05);
    }

    [Fact]
    public void Analyze_EvidenceThatPointsTwoWays_GivesSeveralHypothesesAndLessConfidence()
    {
        var clear = Analyzer.Analyze(Contexts.Of(
            "x509: certificate has expired or is not yet valid", "SSLHandshakeException: PKIX path validation failed", "certificate verify failed"));
        var ambiguous = Analyzer.Analyze(Contexts.Of(
            "x509: certificate has expired or is not yet valid", "getaddrinfo ENOTFOUND api.partner.example",
            "SSLHandshakeException: PKIX path validation failed", "Temporary failure in name resolution"));

        clear.Category.ShouldBe(AnalysisCategories.TlsCertificate);
        ambiguous.Hypotheses.Select(h => h.Summary).ShouldContain(KnowledgeBase.Signatures.Single(s => s.Category == AnalysisCategories.Dns).Summary);
        ambiguous.Hypotheses.Count.ShouldBeGreaterThanOrEqualTo(2);
        ambiguous.Hypotheses[0].Confidence.ShouldBeLessThan(clear.Hypotheses[0].Confidence);
        ambiguous.Hypotheses[1].Confidence.ShouldBeLessThan(ambiguous.Hypotheses[0].Confidence);
    }

    [Fact]
    public void Analyze_ChangeShortlyBeforeTheErrors_BlamesTheChange()
    {
        var analysis = Analyzer.Analyze(Contexts.Of(
        [
            ("Deployment of accounts-api v2.31.0 to production completed", -14),
            ("accounts-api 5xx ratio 18%", -9),
            ("java.lang.NullPointerException at ProfileMapper.toDto(ProfileMapper.java:88)", -8),
        ]));

        analysis.Category.ShouldBe(AnalysisCategories.DeploymentChange);
        analysis.Hypotheses[0].Evidence[0].ShouldStartWith("L1: Deployment of accounts-api");
    }

    [Fact]
    public void Analyze_ChangeAfterTheErrorsBegan_IsNotBlamed()
    {
        var analysis = Analyzer.Analyze(Contexts.Of(
        [
            ("HikariPool-1 - Connection is not available, request timed out after 30000ms.", -30),
            ("Deployment of orders-api v1.4.2 started", -5),
        ]));

        analysis.Category.ShouldBe(AnalysisCategories.ConnectionPoolExhaustion);
        analysis.Hypotheses.ShouldNotContain(h => h.Summary == KnowledgeBase.DeploymentChange.Summary);
    }

    [Fact]
    public void Analyze_OutOfMemoryReportedAsLow_IsRaisedToHigh()
    {
        var context = Contexts.Of([("java.lang.OutOfMemoryError: Java heap space", -3.0)], severity: Severity.Low);

        var analysis = Analyzer.Analyze(context);

        analysis.Severity.ShouldBe(Severity.High);
        analysis.SeverityJustification.ShouldContain("raised from the reported low");
    }

    [Fact]
    public void Analyze_WithAResolvedSimilarIncident_MentionsHowItWasResolved()
    {
        var similar = new SimilarIncident("inc-old", "orders-api pool exhausted", IncidentStatus.Resolved, Contexts.Now.AddDays(-3),
            "alice", AnalysisCategories.ConnectionPoolExhaustion, "Pool exhausted", [CatalogActions.EcsForceNewDeployment],
            ["resolved: killed the long-running report query (by alice)"], 1);

        var analysis = Analyzer.Analyze(Contexts.Of([("Connection pool exhausted, 50/50 connections in use", -3.0)], similar: [similar]));

        analysis.Steps.ShouldContain(s => s.Contains("inc-old", StringComparison.Ordinal) && s.Contains("killed the long-running report query", StringComparison.Ordinal));
    }
}
