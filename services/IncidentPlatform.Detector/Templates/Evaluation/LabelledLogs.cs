namespace IncidentPlatform.Detector.Templates.Evaluation;

/// <summary>
/// Labelled log samples (a CSV with <c>Content</c> and <c>EventId</c> columns, as the loghub <c>*_structured.csv</c>
/// files) and the miner's score on them. The miner sees only the content; the labels are read afterwards to score.
/// </summary>
internal sealed record LabelledLogs(string Name, IReadOnlyList<string> Contents, IReadOnlyList<string> EventIds)
{
    /// <summary>The eight loghub 2k datasets the accuracy test and benchmark use.</summary>
    public static readonly string[] Loghub2kDatasets = ["HDFS", "Hadoop", "Zookeeper", "BGL", "Linux", "Mac", "HealthApp", "Proxifier"];

    public static LabelledLogs Load(string csvPath, string? name = null)
    {
        using var reader = new StreamReader(csvPath);
        var contents = new List<string>();
        var eventIds = new List<string>();
        foreach (var record in CsvReader.ReadColumns(reader, "Content", "EventId"))
        {
            contents.Add(record[0]);
            eventIds.Add(record[1]);
        }

        return new LabelledLogs(name ?? System.IO.Path.GetFileName(csvPath), contents, eventIds);
    }

    public const string DirectoryVariable = "LOGHUB2K_DIR";

    /// <summary>
    /// The loghub 2k folder: <c>$LOGHUB2K_DIR</c> if set, else the first <c>shared/data/loghub2k</c> found beside
    /// <paramref name="start"/> or one of its parents (the repository sits next to <c>shared/</c>). Null when none.
    /// </summary>
    public static string? FindLoghub2kDirectory(string start)
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "data", "loghub2k");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The structured CSV of one loghub 2k dataset under <paramref name="loghubDirectory"/>.</summary>
    public static string Loghub2kPath(string loghubDirectory, string dataset) =>
        System.IO.Path.Combine(loghubDirectory, dataset, $"{dataset}_2k.log_structured.csv");

    /// <summary>Feeds every line to a fresh miner (online, in file order) and scores the template ids it returned.</summary>
    /// <param name="dumpPath">When given, a TSV of label, template id, final template and content per line.</param>
    public GroupingScore Evaluate(string? dumpPath = null)
    {
        var miner = new TemplateMiner();
        var parsed = new string[Contents.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = miner.Add(Contents[i]).TemplateId;
        }

        if (dumpPath is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(dumpPath))!);
            File.WriteAllLines(dumpPath, parsed.Select((id, i) => $"{EventIds[i]}\t{id}\t{miner.Find(id)?.Text}\t{Contents[i]}"));
        }

        return GroupingScore.Compute(EventIds, parsed);
    }
}
