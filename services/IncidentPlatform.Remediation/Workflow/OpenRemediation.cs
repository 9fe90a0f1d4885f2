namespace IncidentPlatform.Remediation.Workflow;

/// <summary>An entry of the index of remediations that still need the sweeper (pending, approved, running, to verify).</summary>
/// <param name="RemediationId">The remediation.</param>
/// <param name="IncidentId">Its incident.</param>
/// <param name="CreatedAt">When the entry was made.</param>
internal sealed record OpenRemediation(string RemediationId, string IncidentId, DateTimeOffset CreatedAt);
