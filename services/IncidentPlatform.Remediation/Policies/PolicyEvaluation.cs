namespace IncidentPlatform.Remediation.Policies;

/// <summary>What a policy allows for an incident, and why other rules or actions were left out.</summary>
/// <param name="PolicyVersion">The version evaluated.</param>
/// <param name="Candidates">The allowed actions, best first.</param>
/// <param name="Notes">Why matching rules or recommended actions produced nothing.</param>
internal sealed record PolicyEvaluation(string PolicyVersion, IReadOnlyList<Candidate> Candidates, IReadOnlyList<string> Notes);
