using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Templates;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Evaluates a policy for an incident and its analysis: which rules match, which of their actions apply (templates
/// filled, parameters inside the bounds), ranked by the analysis's recommendations. The analysis only ranks and fills
/// (<c>{{recommended.x}}</c>): an action it recommends that no matching rule names is ignored, with a note.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policy"/>; pure (no limits, windows or store: the proposal checks those).</summary>
    public static PolicyEvaluation Evaluate(RemediationPolicy policy, Incident incident, IncidentAnalysis analysis)
    {
        var subject = MatchSubject.Of(incident, analysis);
        var context = TemplateContext.For(incident, analysis);
        var candidates = new List<Candidate>();
        var notes = new List<string>();
        var allowedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in policy.Rules.Where(r => r.Match.Matches(subject)))
        {
            foreach (var action in Rank(rule.Actions, analysis.RecommendedActions))
            {
                allowedIds.Add(action.ActionId);
                var recommendation = analysis.RecommendedActions.FirstOrDefault(r => r.ActionId == action.ActionId);
                if (Fill(rule, action, policy, context.WithRecommended(recommendation), notes) is not { } check)
                {
                    continue;
                }

                candidates.Add(new Candidate(rule, action.ActionId, check.Parameters, check.Target, recommendation));
                if (rule.Pick == RulePick.One)
                {
                    break;
                }
            }
        }

        foreach (var ignored in analysis.RecommendedActions.Where(r => !allowedIds.Contains(r.ActionId)).Select(r => r.ActionId).Distinct())
        {
            notes.Add($"the analysis recommended {Safe(ignored)}, which no matching rule allows: ignored");
        }

        // Recommended actions first, in the analysis's order; the rest keep policy order.
        var ranked = candidates
            .Select((c, i) => (c, i))
            .OrderBy(x => x.c.Recommendation is null ? int.MaxValue : IndexOf(analysis.RecommendedActions, x.c.ActionId))
            .ThenBy(x => x.i)
            .Select(x => x.c)
            .ToList();
        return new PolicyEvaluation(policy.Version, ranked, notes);
    }

    private static IEnumerable<RuleAction> Rank(IReadOnlyList<RuleAction> actions, IReadOnlyList<RecommendedAction> recommended) =>
        actions.Select((a, i) => (a, i))
            .OrderBy(x => IndexOf(recommended, x.a.ActionId) is var rank && rank >= 0 ? rank : int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.a);

    private static ActionCheck? Fill(
        PolicyRule rule, RuleAction action, RemediationPolicy policy, TemplateContext context, List<string> notes)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in action.Parameters)
        {
            if (template.Render(context, out var missing) is not { } value)
            {
                notes.Add($"rule '{rule.Name}': {action.ActionId} does not apply: {{{{{missing}}}}} has no value for this incident");
                return null;
            }

            parameters[name] = value;
        }

        var check = ActionSchemas.ById[action.ActionId].Check(parameters, policy.BoundsFor(action.ActionId));
        if (!check.Ok)
        {
            notes.Add($"rule '{rule.Name}': {action.ActionId} does not apply: {string.Join("; ", check.Errors)}");
            return null;
        }

        return check;
    }

    private static int IndexOf(IReadOnlyList<RecommendedAction> recommended, string actionId)
    {
        for (var i = 0; i < recommended.Count; i++)
        {
            if (recommended[i].ActionId == actionId)
            {
                return i;
            }
        }

        return -1;
    }

    // Model output is untrusted: keep what is echoed into notes short and printable.
    private static string Safe(string text) =>
        new string([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
}
