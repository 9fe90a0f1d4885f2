using IncidentPlatform.Remediation.Templates;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>One catalog action a rule names, with the templates of its parameters.</summary>
/// <param name="ActionId">The catalog id.</param>
/// <param name="Parameters">Parameter name → template.</param>
/// <param name="Line">Where the action is declared.</param>
internal sealed record RuleAction(string ActionId, IReadOnlyDictionary<string, ParameterTemplate> Parameters, long Line);
