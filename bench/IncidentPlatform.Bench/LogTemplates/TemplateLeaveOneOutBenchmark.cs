using System.Globalization;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Bench.LogTemplates;

/// <summary>
/// How the miner's settings generalise: for each labelled file in turn, the settings with the best mean grouping accuracy
/// on all the others are chosen from a fixed grid (<see cref="MinerSettings.Grid"/>) and measured on the one left out.
/// The mean of those held-out figures says what to expect on a source nobody tuned for; the shipped default is measured
/// beside it.
/// </summary>
internal sealed class TemplateLeaveOneOutBenchmark : IBenchmark
{
    public string Name => "template-loo";

    public string Description => "leave-one-out over labelled CSVs: tune on all but one, measure that one (default: the 8 loghub 2k sets) [--table TSV]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // --table FILE writes every grid point's score on every data set (TSV): the landscape the folds chose from.
        var files = LabelledFiles.From(args, "--table", out var table);
        var logs = files.Select(f => LabelledLogs.Load(f, Path.GetFileName(f).Split('_')[0])).ToArray();
        var grid = MinerSettings.Grid;
        Console.WriteLine($"{logs.Length} data sets, {grid.Count} settings in the grid ({MinerSettings.DescribeGrid()})");

        var scores = new double[grid.Count, logs.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var d = 0; d < logs.Length; d++)
            {
                scores[c, d] = MinerEvaluation.Evaluate(logs[d], MinerEvaluation.Options(grid[c])).GroupingAccuracy;
            }
        }

        if (table is not null)
        {
            File.WriteAllLines(table, [
                string.Join('\t', ["settings", .. logs.Select(l => l.Name), "mean"]),
                .. grid.Select((g, c) => string.Join('\t', [
                    g.ToString(), .. Enumerable.Range(0, logs.Length).Select(d => Format(scores[c, d])), Format(LeaveOneOut.Mean(scores, c))])),
            ]);
        }

        Console.WriteLine($"{"held out",-12} {"chosen on the others",-40} {"train mean",10} {"held-out GA",12} {"default GA",11}");
        var folds = LeaveOneOut.Run(scores);
        var byDefault = logs.Select(l => MinerEvaluation.Evaluate(l).GroupingAccuracy).ToArray();
        foreach (var fold in folds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{logs[fold.HeldOut].Name,-12} {grid[fold.Chosen],-40} {fold.TrainMean,10:F4} {fold.HeldOutScore,12:F4} {byDefault[fold.HeldOut],11:F4}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"leave-one-out mean GA: {folds.Average(f => f.HeldOutScore):F4}, lowest fold {folds.Min(f => f.HeldOutScore):F4}; the default's mean {byDefault.Average():F4}"));
        Console.WriteLine($"chosen on all: {grid[LeaveOneOut.Best(scores)]}; the default: {MinerEvaluation.Settings(TemplateMinerOptions.Default)}");
        return Task.FromResult(0);
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
