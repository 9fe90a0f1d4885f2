using System.Globalization;
using IncidentPlatform.Detector.Templates.Evaluation;

namespace IncidentPlatform.Bench.Templates;

/// <summary>Grouping accuracy and pairwise F1 of the template miner's default configuration on labelled CSVs.</summary>
internal sealed class TemplateAccuracyBenchmark : IBenchmark
{
    public string Name => "template-accuracy";

    public string Description => "GA and F1 of the template miner on CSVs with Content,EventId (default: the 8 loghub 2k sets)";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var files = args;
        if (files.Length == 0)
        {
            var directory = LabelledLogs.FindLoghub2kDirectory(Directory.GetCurrentDirectory())
                ?? LabelledLogs.FindLoghub2kDirectory(AppContext.BaseDirectory);
            if (directory is null)
            {
                Console.Error.WriteLine($"No loghub2k folder found; give CSV files or set {LabelledLogs.DirectoryVariable}.");
                return Task.FromResult(2);
            }

            files = [.. LabelledLogs.Loghub2kDatasets.Select(d => LabelledLogs.Loghub2kPath(directory, d))];
        }

        var total = 0.0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logs = LabelledLogs.Load(file);
            var score = logs.Evaluate();
            total += score.GroupingAccuracy;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{logs.Name,-40} lines {score.Lines,7}  GA {score.GroupingAccuracy:F4}  F1 {score.F1:F4}  (P {score.Precision:F4} R {score.Recall:F4})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean GA: {total / files.Length:F4}"));
        return Task.FromResult(0);
    }
}
