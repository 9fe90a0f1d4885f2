using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

/// <summary>
/// The miner on the eight labelled loghub 2k samples kept in the repository (tests/data/loghub2k). The floors of the
/// default configuration are what it reached, rounded down to two decimals, so a change that groups worse fails here;
/// the leave-one-out test holds the settings search to what it promises on a source nobody tuned for.
/// </summary>
public sealed class TemplateAccuracyTests
{
    // Reached: HDFS 0.9975, Hadoop 0.9925, Zookeeper 0.9945, BGL 0.9935, Linux 0.8185, Mac 0.9790, HealthApp 0.9025,
    // Proxifier 1.0; mean 0.9597 (Drain, tuned per dataset: 0.8321). Leave-one-out: mean 0.9332, lowest fold 0.8185.
    private const double MeanFloor = 0.95;

    public static TheoryData<string, double> Floors => new()
    {
        { "HDFS", 0.99 },
        { "Hadoop", 0.99 },
        { "Zookeeper", 0.99 },
        { "BGL", 0.99 },
        { "Linux", 0.81 },
        { "Mac", 0.97 },
        { "HealthApp", 0.90 },
        { "Proxifier", 0.99 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Evaluate_Dataset_GroupingAccuracyAtLeastFloor(string dataset, double floor)
    {
        var score = Evaluate(Loghub2k.Load(dataset), TemplateMinerOptions.Default);

        score.Lines.ShouldBe(2000);
        score.GroupingAccuracy.ShouldBeGreaterThanOrEqualTo(floor, dataset);
    }

    [Fact]
    public void Evaluate_AllDatasets_MeanGroupingAccuracyAtLeastFloor()
    {
        var mean = Loghub2k.Datasets.Average(d => Evaluate(Loghub2k.Load(d), TemplateMinerOptions.Default).GroupingAccuracy);

        mean.ShouldBeGreaterThanOrEqualTo(MeanFloor);
    }

    [Fact]
    public void LeaveOneOut_EightDatasets_MeanAtLeast90AndEveryFoldAtLeast80()
    {
        var logs = Loghub2k.Datasets.Select(Loghub2k.Load).ToArray();
        var grid = MinerSettings.Grid;
        var scores = new double[grid.Count, logs.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            var options = TemplateMinerOptions.Default with
            {
                SimilarityThreshold = grid[c].Similarity,
                MaxWordDifferences = grid[c].WordDifferences,
                WordSimilarityThreshold = grid[c].WordSimilarity,
            };
            for (var d = 0; d < logs.Length; d++)
            {
                scores[c, d] = Evaluate(logs[d], options).GroupingAccuracy;
            }
        }

        var folds = LeaveOneOut.Run(scores);

        folds.Average(f => f.HeldOutScore).ShouldBeGreaterThanOrEqualTo(0.90);
        folds.ShouldAllBe(f => f.HeldOutScore >= 0.80);
        // The default is what the search chooses on all eight.
        var chosen = grid[LeaveOneOut.Best(scores)];
        (chosen.Similarity, chosen.WordDifferences).ShouldBe(
            (TemplateMinerOptions.Default.SimilarityThreshold, TemplateMinerOptions.Default.MaxWordDifferences));
    }

    private static GroupingScore Evaluate(LabelledLogs logs, TemplateMinerOptions options)
    {
        var miner = new TemplateMiner(options);
        return logs.Score(line => miner.Add(line).TemplateId);
    }
}
