using System.Globalization;
using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Bench.LogTemplates;

/// <summary>Grouping accuracy and pairwise F1 of the template miner's default configuration on labelled CSVs.</summary>
internal sealed class TemplateAccuracyBenchmark : IBenchmark
{
    public string Name => "template-accuracy";

    public string Description => "GA and F1 of the template miner on CSVs with Content,EventId (default: the 8 loghub 2k sets in tests/data) [--dump DIR]";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // --dump FOLDER writes each line's template beside its label, for looking at what was grouped wrong.
        var files = LabelledFiles.From(args, "--dump", out var dump);

        var total = 0.0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logs = LabelledLogs.Load(file);
            var score = MinerEvaluation.Evaluate(logs, dumpPath: dump is null ? null : Path.Combine(dump, logs.Name + ".tsv"));
            total += score.GroupingAccuracy;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{logs.Name,-40} lines {score.Lines,7}  GA {score.GroupingAccuracy:F4}  F1 {score.F1:F4}  (P {score.Precision:F4} R {score.Recall:F4})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean GA: {total / files.Length:F4}"));
        return Task.FromResult(0);
    }
}
