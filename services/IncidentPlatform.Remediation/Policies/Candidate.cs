using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>An action a matching rule allows for an incident, with its parameters filled and inside the bounds.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="ActionId">The catalog action.</param>
/// <param name="Parameters">The normalized parameters.</param>
/// <param name="Target">What cooldowns and run limits count against.</param>
/// <param name="Recommendation">The analysis's recommendation of this action, if it made one.</param>
internal sealed record Candidate(
    PolicyRule Rule, string ActionId, IReadOnlyDictionary<string, string> Parameters, string Target,
    RecommendedAction? Recommendation);
