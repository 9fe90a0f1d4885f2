namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// Labelled log samples (a CSV with <c>Content</c> and <c>EventId</c> columns, as the loghub <c>*_structured.csv</c>
/// files) and a parser's score on them. The parser sees only the content; the labels are read afterwards to score.
/// </summary>
public sealed record LabelledLogs(string Name, IReadOnlyList<string> Contents, IReadOnlyList<string> EventIds)
{
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

        return new LabelledLogs(name ?? Path.GetFileName(csvPath), contents, eventIds);
    }

    /// <summary>Feeds every line, in file order, to <paramref name="templateOf"/> and scores the groups it returned.</summary>
    /// <param name="templateOf">The group (template id) of each line; an online parser learns as it goes.</param>
    public GroupingScore Score(Func<string, string> templateOf) => Score(templateOf, out _);

    /// <summary>The same, also giving the group each line was put in.</summary>
    public GroupingScore Score(Func<string, string> templateOf, out string[] parsed)
    {
        parsed = new string[Contents.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = templateOf(Contents[i]);
        }

        return GroupingScore.Compute(EventIds, parsed);
    }
}
