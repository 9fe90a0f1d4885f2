using System.Text.RegularExpressions;
using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Replies;

/// <summary>
/// Resolves a hypothesis's evidence to lines of the data: <c>L3</c>-style ids, or a verbatim quote of a line. Each
/// cited line is returned as <c>L3: its text</c>; citations of nothing are dropped and noted.
/// </summary>
internal static partial class EvidenceResolver
{
    public const int MaxEvidence = 8;
    private const int MaxQuote = 240;

    public static IReadOnlyList<string> Resolve(IEnumerable<string> citations, IncidentContext context, int hypothesis, List<string> notes)
    {
        var cited = new List<ContextLine>();
        var dropped = 0;
        foreach (var citation in citations)
        {
            var ids = LineId().Matches(citation).Select(m => "L" + m.Groups[1].Value).ToList();
            var lines = ids.Select(context.Line).OfType<ContextLine>().ToList();
            if (lines.Count == 0 && ids.Count == 0 && Quoted(citation, context) is { } quoted)
            {
                lines.Add(quoted);
            }

            if (lines.Count == 0)
            {
                dropped++;
            }

            cited.AddRange(lines.Where(l => !cited.Contains(l)));
        }

        if (dropped > 0)
        {
            notes.Add($"Hypothesis {hypothesis}: {dropped} citation(s) of no line of the data dropped.");
        }

        if (cited.Count == 0)
        {
            notes.Add($"Hypothesis {hypothesis} cites no line of the data.");
        }

        return [.. cited.Take(MaxEvidence).Select(Format)];
    }

    /// <summary>How a cited line appears in an analysis.</summary>
    public static string Format(ContextLine line) => $"{line.Id}: {ReplyParser.Bounded(line.Text, MaxQuote)}";

    private static ContextLine? Quoted(string citation, IncidentContext context)
    {
        var quote = citation.Trim().Trim('"', '\'', '`').Trim();
        return quote.Length < 12
            ? null
            : context.Lines.FirstOrDefault(l => l.Text.Contains(quote, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\bL(\d{1,4})\b")]
    private static partial Regex LineId();
}
