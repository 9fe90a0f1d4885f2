using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>What the policy in force would allow for an incident right now, without proposing anything.</summary>
internal sealed class SuggestionService(
    IIncidentStore incidents, PolicyProvider policies, RunLimits limits, TimeProvider time, IOptions<RemediationOptions> options)
{
    /// <summary>The suggestions for the incident (none when it has no analysis yet: rules match on it).</summary>
    public async Task<RemediationSuggestions> SuggestAsync(string incidentId, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        var incident = await incidents.GetAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            return new RemediationSuggestions { IncidentId = incidentId, Found = false, PolicyVersion = policy.Version, Suggestions = [] };
        }

        if (incident.Analysis is null)
        {
            return new RemediationSuggestions
            {
                IncidentId = incidentId, Found = true, PolicyVersion = policy.Version, Suggestions = [],
                Notes = ["the incident has not been analyzed yet; rules match on the analysis category"],
            };
        }

        var evaluation = PolicyEvaluator.Evaluate(policy, incident, incident.Analysis);
        var notes = evaluation.Notes.ToList();
        var suggestions = new List<RemediationSuggestion>();
        foreach (var candidate in evaluation.Candidates)
        {
            if (await limits.PeekAsync(candidate.Rule, candidate.ActionId, candidate.Target, time.GetUtcNow(), cancellationToken) is { } held)
            {
                notes.Add($"rule '{candidate.Rule.Name}': {candidate.ActionId} held back: {held}");
                continue;
            }

            var approval = candidate.Rule.Approval;
            suggestions.Add(new RemediationSuggestion
            {
                ActionId = candidate.ActionId,
                Parameters = candidate.Parameters,
                Rule = candidate.Rule.Name,
                Risk = candidate.Rule.Risk,
                ApprovalMode = approval.Mode,
                RequiredApprovals = approval.Mode == ApprovalMode.Manual ? approval.Approvers : 0,
                AllowedRoles = approval.Roles,
                DryRun = options.Value.DryRun == true || candidate.Rule.DryRun,
                Target = candidate.Target,
                Recommended = candidate.Recommendation is not null,
                Rationale = candidate.Recommendation?.Rationale,
            });
        }

        return new RemediationSuggestions
        {
            IncidentId = incidentId, Found = true, PolicyVersion = policy.Version, Suggestions = suggestions, Notes = notes,
        };
    }
}
