using IncidentPlatform.Analysis.Context;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// Scores every signature against the incident. A signature's score grows with its strongest match (how unmistakable)
/// and with its coverage (how much of the weighted evidence it explains), scaled by how specific a cause it is.
/// </summary>
internal static class SignatureScorer
{
    /// <summary>Scores below this are not worth a hypothesis.</summary>
    public const double MinimumScore = 0.12;

    private const int MaxEvidence = 5;

    public static IReadOnlyList<ScoredHypothesis> Score(IncidentContext context, EvidenceUnits units)
    {
        var total = units.ProblemWeight;
        var scored = new List<ScoredHypothesis>();
        if (total <= 0)
        {
            return scored;
        }

        foreach (var signature in KnowledgeBase.Signatures)
        {
            var sum = 0.0;
            var peak = 0.0;
            var lines = new List<(ContextLine Line, double Strength)>();
            foreach (var unit in units.Problems)
            {
                var (strength, matched) = EvidenceUnits.Match(signature, unit);
                sum += unit.Weight * strength;
                peak = Math.Max(peak, strength);
                lines.AddRange(matched);
            }

            if (peak > 0)
            {
                var coverage = Math.Min(1, sum / total);
                var score = signature.Specificity * peak * (0.35 + 0.65 * coverage) * SimilarBoost(context, signature);
                scored.Add(new ScoredHypothesis(signature, score, peak, coverage, Strongest(lines)));
            }
        }

        if (Deployment(context, units, total) is { } deployment)
        {
            scored.Add(deployment);
        }

        return [.. scored.Where(s => s.Score >= MinimumScore).OrderByDescending(s => s.Score).ThenBy(s => s.Signature.Category, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A change shortly before the errors: its score grows with how clearly it is a change, how soon the errors
    /// followed it, and how many of them came after it.
    /// </summary>
    private static ScoredHypothesis? Deployment(IncidentContext context, EvidenceUnits units, double total)
    {
        if (units.Changes.Count == 0 || units.Problems.Count == 0)
        {
            return null;
        }

        var change = units.Changes.OrderBy(c => c.At ?? DateTimeOffset.MaxValue).First();
        double proximity;
        double after;
        if (change.At is { } changedAt && units.Problems.Any(p => p.At is not null))
        {
            // Clocks of different sources disagree a little; errors within a minute before the change still count.
            var following = units.Problems.Where(p => p.At is { } at && at >= changedAt.AddMinutes(-1)).ToList();
            if (following.Count == 0)
            {
                return null;
            }

            var gap = following.Min(p => p.At!.Value) - changedAt;
            proximity = gap <= TimeSpan.FromMinutes(15) ? 1.0 : gap <= TimeSpan.FromHours(1) ? 0.8 : gap <= TimeSpan.FromHours(3) ? 0.5 : 0;
            after = following.Sum(p => p.Weight) + units.Problems.Where(p => p.At is null).Sum(p => p.Weight / 2);
        }
        else
        {
            proximity = 0.6;
            after = total / 2;
        }

        if (proximity == 0)
        {
            return null;
        }

        var coverage = Math.Min(1, after / total);
        var peak = change.ChangeStrength * proximity;
        var signature = KnowledgeBase.DeploymentChange;
        var score = signature.Specificity * peak * (0.35 + 0.65 * coverage) * SimilarBoost(context, signature);
        var evidence = change.Lines.Where(l => signature.Match(l.Text) > 0)
            .Concat(units.Problems.OrderBy(p => p.At ?? DateTimeOffset.MaxValue).Take(2).Select(p => p.Lines[0]))
            .Distinct()
            .Take(MaxEvidence)
            .ToList();
        return new ScoredHypothesis(signature, score, peak, coverage, evidence);
    }

    /// <summary>A recent similar incident with the same diagnosis makes it a little more likely.</summary>
    private static double SimilarBoost(IncidentContext context, FailureSignature signature) =>
        context.Similar.Any(s => s.Category == signature.Category) ? 1.15 : 1.0;

    private static List<ContextLine> Strongest(List<(ContextLine Line, double Strength)> lines) =>
        [.. lines.OrderByDescending(l => l.Strength).ThenBy(l => int.Parse(l.Line.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture))
            .Select(l => l.Line).Distinct().Take(MaxEvidence)];
}
