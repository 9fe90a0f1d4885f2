using IncidentPlatform.Testing.Evaluation;
using IncidentPlatform.Analysis.Offline;
using IncidentPlatform.Analysis.Tests.Infrastructure;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Tests.Offline;

/// <summary>The offline analyzer on the labelled corpus. The floors are what it reaches today, so a regression fails.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    // 60 of 61 categories (the miss is a held-out scenario) and every action, when these floors were set.
    private const double CategoryFloor = 0.98;
    private const double ActionFloor = 1.0;

    internal static IReadOnlyList<CorpusScenario> Scenarios { get; } =
        Corpus.Load(Corpus.FindDirectory(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("No Corpus folder beside the tests."));

    [Fact]
    public void Corpus_HasAtLeast25LabelledScenariosCoveringEveryCategory()
    {
        Scenarios.Count.ShouldBeGreaterThanOrEqualTo(25);
        Scenarios.Select(s => s.Id).ShouldBeUnique();
        Scenarios.Select(s => s.Expected.Category).Distinct().Order().ShouldBe(AnalysisCategories.All.Order());
        Scenarios.Where(s => s.Expected.Action is not null).ShouldAllBe(s => CatalogActions.All.Contains(s.Expected.Action!));
        Scenarios.ShouldContain(s => s.Adversarial);
    }

    [Fact]
    public async Task OfflineAnalyzer_OnTheCorpus_ReachesItsAccuracyFloors()
    {
        var report = new AccuracyReport();
        foreach (var scenario in Scenarios)
        {
            await using var host = AnalysisTestHost.Create();
            var incident = await Corpus.SeedAsync(host.Store, scenario, "inc-" + scenario.Id, host.Time.GetUtcNow());
            var analysis = await host.Pipeline.AnalyzeAsync(incident, force: false, CancellationToken.None);
            report.Add(scenario, analysis);

            analysis.Provider.ShouldBe("offline");
            analysis.Hypotheses.ShouldNotBeEmpty();
            analysis.Hypotheses.ShouldAllBe(h => h.Confidence >= 0 && h.Confidence <= OfflineAnalyzer.MaxConfidence);
            analysis.Hypotheses.Select(h => h.Confidence).ShouldBeInOrder(SortDirection.Descending);
            analysis.RecommendedActions.ShouldAllBe(a => CatalogActions.All.Contains(a.ActionId));
            if (analysis.Category == AnalysisCategories.Unknown)
            {
                analysis.Hypotheses[0].Confidence.ShouldBeLessThan(0.2);
            }
        }

        output.WriteLine(report.Table());
        foreach (var miss in report.Misses())
        {
            output.WriteLine("miss: " + miss);
        }

        report.CategoryAccuracy.ShouldBeGreaterThanOrEqualTo(CategoryFloor);
        report.ActionAccuracy.ShouldBeGreaterThanOrEqualTo(ActionFloor);
    }
}
