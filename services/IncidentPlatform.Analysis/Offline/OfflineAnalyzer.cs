using System.Globalization;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Offline.Reading;
using IncidentPlatform.Analysis.Replies;
using IncidentPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// The deterministic analyzer: matches the incident's text against the knowledge base of failure signatures and
/// gives the same structured result a model would. Its confidences are honest — they follow how much of the evidence
/// a signature explains and how clearly, drop when several signatures compete, and stay low when nothing matches.
/// </summary>
internal sealed class OfflineAnalyzer(IOptions<AnalysisOptions> options, TimeProvider time)
{
    /// <summary>The offline analyzer never claims certainty.</summary>
    public const double MaxConfidence = 0.92;

    public IncidentAnalysis Analyze(IncidentContext context)
    {
        var units = EvidenceUnits.From(context);
        var scored = SignatureScorer.Score(context, units);
        var derived = DerivedValues.From(context);
        var analysis = scored.Count == 0 ? Unknown(context, units) : Explain(context, units, scored, derived);
        return analysis with { Derived = derived };
    }

    private IncidentAnalysis Explain(
        IncidentContext context, EvidenceUnits units, IReadOnlyList<ScoredHypothesis> scored, IReadOnlyDictionary<string, string> derived)
    {
        var top = scored[0];
        var confidence = TopConfidence(top, scored, units);
        var hypotheses = scored.Take(ReplyParser.MaxHypotheses).Select((s, i) => new Hypothesis
        {
            Summary = s.Signature.Summary,
            Confidence = Math.Round(i == 0 ? confidence : Math.Min(confidence * 0.9, confidence * s.Score / top.Score), 2),
            Evidence = [.. s.Evidence.Select(EvidenceResolver.Format)],
        }).ToList();

        var category = top.Signature.Category;
        var (actions, planSteps) = ActionPlanner.Plan(category, context.Labels, derived, options.Value.Offline);
        var steps = top.Signature.Steps.Concat(planSteps).Concat(SimilarSteps(context, category)).ToList();
        var severity = (Severity)Math.Max((int)context.Incident.Severity, (int)top.Signature.SeverityFloor);
        return Result(context, category, hypotheses, severity, Justification(context, top.Signature, severity), actions, steps);
    }

    private IncidentAnalysis Unknown(IncidentContext context, EvidenceUnits units)
    {
        var evidence = units.Problems.SelectMany(u => u.Lines).Take(3).Select(EvidenceResolver.Format).ToList();
        var hypothesis = new Hypothesis
        {
            Summary = "No known failure signature matches the incident's alerts and log lines.",
            Confidence = evidence.Count == 0 ? 0.05 : 0.1,
            Evidence = evidence,
        };
        var severity = context.Incident.Severity;
        return Result(context, AnalysisCategories.Unknown, [hypothesis], severity,
            $"Kept at the incident's {Name(severity)} severity: the cause is not known.", [], KnowledgeBase.UnknownSteps);
    }

    /// <summary>
    /// From how clearly and how completely the top signature explains the evidence, lowered when another signature
    /// scores close to it (ambiguous evidence) and when there is little evidence at all.
    /// </summary>
    private static double TopConfidence(ScoredHypothesis top, IReadOnlyList<ScoredHypothesis> scored, EvidenceUnits units)
    {
        var confidence = 0.1 + 0.8 * top.Peak * (0.4 + 0.6 * top.Coverage);
        if (scored.Count > 1)
        {
            var margin = (top.Score - scored[1].Score) / top.Score;
            if (margin < 0.25)
            {
                confidence *= 0.7 + 0.3 * (margin / 0.25);
            }
        }

        var observations = units.Problems.Count;
        confidence *= 0.75 + 0.25 * Math.Min(1.0, observations / 3.0);
        return Math.Clamp(confidence, 0.05, MaxConfidence);
    }

    private static IEnumerable<string> SimilarSteps(IncidentContext context, string category) =>
        context.Similar.Where(s => s.Category == category).Take(2).Select(s =>
            $"Similar incident {s.Id} (\"{ReplyParser.Bounded(s.Title, 80)}\") had the same diagnosis" +
            (string.IsNullOrEmpty(s.ResolvedBy) ? "." : $" and was resolved by {s.ResolvedBy}") +
            (s.Resolution.Count > 0 ? $": {ReplyParser.Bounded(s.Resolution[^1], 160)}" : "."));

    private static string Justification(IncidentContext context, FailureSignature signature, Severity severity)
    {
        var reported = context.Incident.Severity;
        var why = severity > reported
            ? $"raised from the reported {Name(reported)} because {signature.Category} failures stop the service from working"
            : $"as reported by the alerts ({Name(reported)})";
        var surge = context.Signals.Where(s => s.Ratio is not null).OrderByDescending(s => s.Ratio).FirstOrDefault();
        return surge is null
            ? $"{Capitalize(Name(severity))}: {why}."
            : string.Create(CultureInfo.InvariantCulture, $"{Capitalize(Name(severity))}: {why}; the top signal counted {surge.Count} in its window, {surge.Ratio:0.#}× its usual {surge.Baseline:0.#}.");
    }

    private IncidentAnalysis Result(
        IncidentContext context, string category, IReadOnlyList<Hypothesis> hypotheses, Severity severity,
        string justification, IReadOnlyList<RecommendedAction> actions, IReadOnlyList<string> steps) =>
        new()
        {
            Category = category,
            Hypotheses = hypotheses,
            Severity = severity,
            SeverityJustification = justification,
            Impact = Impact(context),
            RecommendedActions = actions,
            Steps = steps,
            Provider = ProviderNames.Offline,
            AnalyzedAt = time.GetUtcNow(),
        };

    private static string Impact(IncidentContext context)
    {
        var incident = context.Incident;
        var subject = string.IsNullOrEmpty(incident.Service) ? "The affected service" : $"Service {incident.Service}";
        var errors = context.Signals.Sum(s => s.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"{subject}: {incident.AlertCount} alert(s) between {incident.FirstAlertAt:u} and {incident.LastAlertAt:u}") +
            (errors > 0 ? string.Create(CultureInfo.InvariantCulture, $", {errors} matching log lines in the detector's windows.") : ".");
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
