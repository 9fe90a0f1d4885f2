using System.Globalization;
using System.Text;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Testing.Evaluation;

/// <summary>How an analyzer did on the corpus: category and action accuracy, overall and per expected category.</summary>
public sealed class AccuracyReport
{
    private readonly List<(CorpusScenario Scenario, IncidentAnalysis Analysis)> _results = [];

    public int Count => _results.Count;

    public double CategoryAccuracy => Share(r => CategoryCorrect(r.Scenario, r.Analysis));

    public double ActionAccuracy => Share(r => ActionCorrect(r.Scenario, r.Analysis));

    public void Add(CorpusScenario scenario, IncidentAnalysis analysis) => _results.Add((scenario, analysis));

    /// <summary>Category accuracy on the development scenarios or on the held-out ones.</summary>
    public double CategoryAccuracyOf(bool heldOut) => Share(r => CategoryCorrect(r.Scenario, r.Analysis), r => r.Scenario.HeldOut == heldOut);

    /// <summary>One line per part: development and held out, category and action accuracy with counts.</summary>
    public string Summary() => string.Join(Environment.NewLine, new[] { ("development", false), ("held out", true) }
        .Select(p => (Name: p.Item1, Part: _results.Where(r => r.Scenario.HeldOut == p.Item2).ToList()))
        .Where(p => p.Part.Count > 0)
        .Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Name}: category {p.Part.Count(r => CategoryCorrect(r.Scenario, r.Analysis))}/{p.Part.Count} = " +
            $"{(double)p.Part.Count(r => CategoryCorrect(r.Scenario, r.Analysis)) / p.Part.Count:P1}, " +
            $"action {p.Part.Count(r => ActionCorrect(r.Scenario, r.Analysis))}/{p.Part.Count}")));

    /// <summary>The scenarios whose category was wrong, with what the analyzer said.</summary>
    public IEnumerable<string> Misses() => _results
        .Where(r => !CategoryCorrect(r.Scenario, r.Analysis) || !ActionCorrect(r.Scenario, r.Analysis))
        .Select(r => $"{r.Scenario.Id}: expected {r.Scenario.Expected.Category} / {r.Scenario.Expected.Action ?? "none"}, " +
                     $"got {r.Analysis.Category} / {TopAction(r.Analysis) ?? "none"} ({r.Analysis.Hypotheses[0].Confidence:0.00})");

    /// <summary>A Markdown table: per expected category, scenarios, category and action accuracy; then the totals.</summary>
    public string Table()
    {
        var text = new StringBuilder()
            .AppendLine("| category | scenarios | category correct | action correct |")
            .AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var group in _results.GroupBy(r => r.Scenario.Expected.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = group.Count();
            var category = group.Count(r => CategoryCorrect(r.Scenario, r.Analysis));
            var action = group.Count(r => ActionCorrect(r.Scenario, r.Analysis));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {n} | {category}/{n} | {action}/{n} |");
        }

        foreach (var (name, subset) in new[] { ("development", false), ("held out", true) })
        {
            var part = _results.Where(r => r.Scenario.HeldOut == subset).ToList();
            if (part.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| *{name}* | {part.Count} | {part.Count(r => CategoryCorrect(r.Scenario, r.Analysis))}/{part.Count} | {part.Count(r => ActionCorrect(r.Scenario, r.Analysis))}/{part.Count} |");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | {Count} | {CategoryAccuracy:P0} | {ActionAccuracy:P0} |");
        return text.ToString();
    }

    private static bool CategoryCorrect(CorpusScenario scenario, IncidentAnalysis analysis) =>
        analysis.Category == scenario.Expected.Category;

    private static bool ActionCorrect(CorpusScenario scenario, IncidentAnalysis analysis) =>
        TopAction(analysis) == scenario.Expected.Action;

    private static string? TopAction(IncidentAnalysis analysis) => analysis.RecommendedActions.FirstOrDefault()?.ActionId;

    private double Share(
        Func<(CorpusScenario Scenario, IncidentAnalysis Analysis), bool> correct,
        Func<(CorpusScenario Scenario, IncidentAnalysis Analysis), bool>? among = null)
    {
        var part = _results.Where(among ?? (_ => true)).ToList();
        return part.Count == 0 ? 0 : (double)part.Count(correct) / part.Count;
    }
}
