namespace IncidentPlatform.Remediation.Audit;

/// <summary>What to append to an incident's audit trail; the trail adds the position, time and hashes.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Kind">What happened (<c>proposed</c>, <c>approved</c>, <c>executing</c>, <c>succeeded</c>…).</param>
/// <param name="Actor">Who (a person, <c>policy</c>, <c>executor</c>, <c>system</c>).</param>
/// <param name="Channel">Through which channel.</param>
/// <param name="Details">Details (action, parameters, result…).</param>
internal sealed record AuditRecord(
    string IncidentId, string Kind, string Actor, string Channel, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The remediation concerned, if any.</summary>
    public string? RemediationId { get; init; }

    /// <summary>The policy rule concerned, if any.</summary>
    public string? Rule { get; init; }

    /// <summary>The policy version in force.</summary>
    public string? PolicyVersion { get; init; }
}
