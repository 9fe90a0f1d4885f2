using System.Text.RegularExpressions;
using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// The incident's observations as the offline analyzer weighs them: each alert or detector signal is one unit, its
/// lines matched together, weighted more when its count is far above the usual. Units that only announce a change
/// (a deployment, a configuration push) are kept apart: they are context for the errors, not errors.
/// </summary>
internal sealed partial class EvidenceUnits
{
    private EvidenceUnits(IReadOnlyList<EvidenceUnit> problems, IReadOnlyList<EvidenceUnit> changes)
    {
        Problems = problems;
        Changes = changes;
    }

    /// <summary>Units that report a problem.</summary>
    public IReadOnlyList<EvidenceUnit> Problems { get; }

    /// <summary>Units that only announce a change, with the strength of that announcement.</summary>
    public IReadOnlyList<EvidenceUnit> Changes { get; }

    /// <summary>The total weight of the problem units.</summary>
    public double ProblemWeight => Problems.Sum(u => u.Weight);

    public static EvidenceUnits From(IncidentContext context)
    {
        var problems = new List<EvidenceUnit>();
        var changes = new List<EvidenceUnit>();
        foreach (var group in context.Lines.GroupBy(l => l.Group))
        {
            var lines = group.ToList();
            var signal = context.Signals.FirstOrDefault(s => s.Group == group.Key);
            var weight = 1.0;
            if (signal?.Ratio is > 1 and var ratio)
            {
                weight += Math.Min(1.0, Math.Log10(ratio) / 2);
            }

            var findings = lines.SelectMany(l => Reading.LineReader.Read(l.Text).Select(f => (l, f))).ToList();
            var errorStrength = Math.Max(
                lines.Max(l => KnowledgeBase.Signatures.Max(s => s.Match(l.Text))),
                findings.Count == 0 ? 0 : findings.Max(f => f.f.Strength));
            var changeStrength = lines.Max(l => KnowledgeBase.DeploymentChange.Match(l.Text));
            var unit = new EvidenceUnit(group.Key, lines, weight, lines.Min(l => l.At), signal, changeStrength, findings);
            if (changeStrength >= 0.9 && errorStrength < 0.7)
            {
                changes.Add(unit);
            }
            else
            {
                problems.Add(unit);
            }
        }

        return new EvidenceUnits(problems, changes);
    }

    /// <summary>How strongly a unit shows <paramref name="signature"/>, and its best-matching lines.</summary>
    public static (double Strength, IReadOnlyList<(ContextLine Line, double Strength)> Lines) Match(FailureSignature signature, EvidenceUnit unit)
    {
        var matches = unit.Lines.Select(l => (Line: l, Strength: signature.Match(l.Text))).Where(m => m.Strength > 0)
            .Concat(unit.Findings.Where(f => f.Finding.Category == signature.Category).Select(f => (f.Line, f.Finding.Strength)))
            .ToList();
        var strength = matches.Count == 0 ? 0 : matches.Max(m => m.Strength);
        if (signature.Category == Contracts.AnalysisCategories.TrafficSurge && SurgingRequests(unit) is { } surge && strength < 0.8)
        {
            // A request-log template counted far above its usual rate is a surge even when no line says so.
            strength = 0.8;
            matches.Add((surge, 0.8));
        }

        return (strength, matches);
    }

    private static ContextLine? SurgingRequests(EvidenceUnit unit)
    {
        if (unit.Signal is not { Ratio: >= 5 } signal || signal.TemplateLine is null)
        {
            return null;
        }

        var template = unit.Lines.FirstOrDefault(l => l.Id == signal.TemplateLine);
        return template is not null && RequestLog().IsMatch(template.Text) && !ErrorWords().IsMatch(template.Text) &&
               KnowledgeBase.Signatures.Where(s => s.Category != Contracts.AnalysisCategories.TrafficSurge).Max(s => s.Match(template.Text)) < 0.5
            ? template
            : null;
    }

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE|HEAD)\b|\b(request|requests|served|accepted|received|handled|login|checkout|order|search)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestLog();

    [GeneratedRegex(@"\b(error|errors|fail\w*|exception|fatal|panic|refused|denied|closed|reset|timed? ?out|invalid|unavailable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWords();
}
