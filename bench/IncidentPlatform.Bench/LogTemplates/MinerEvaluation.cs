using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Bench.LogTemplates;

/// <summary>The template miner run over labelled logs, online and in file order, as the detector runs it.</summary>
internal static class MinerEvaluation
{
    /// <param name="logs">The labelled lines.</param>
    /// <param name="options">The miner's settings (default: <see cref="TemplateMinerOptions.Default"/>).</param>
    /// <param name="dumpPath">When given, a TSV of label, template id, final template and content per line.</param>
    public static GroupingScore Evaluate(LabelledLogs logs, TemplateMinerOptions? options = null, string? dumpPath = null)
    {
        var miner = new TemplateMiner(options);
        var score = logs.Score(line => miner.Add(line).TemplateId, out var parsed);
        if (dumpPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dumpPath))!);
            File.WriteAllLines(dumpPath, parsed.Select((id, i) => $"{logs.EventIds[i]}\t{id}\t{miner.Find(id)?.Text}\t{logs.Contents[i]}"));
        }

        return score;
    }

    /// <summary>The default settings with a grid point's values.</summary>
    public static TemplateMinerOptions Options(MinerSettings settings) => TemplateMinerOptions.Default with
    {
        SimilarityThreshold = settings.Similarity,
        MaxWordDifferences = settings.WordDifferences,
        WordSimilarityThreshold = settings.WordSimilarity,
    };

    /// <summary>The grid point of the default settings.</summary>
    public static MinerSettings Settings(TemplateMinerOptions options) =>
        new(options.SimilarityThreshold, options.MaxWordDifferences, options.WordSimilarityThreshold);
}
