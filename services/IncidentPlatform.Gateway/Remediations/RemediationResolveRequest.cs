namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The body of <c>POST /api/remediations/{id}/resolve</c>.</summary>
/// <param name="Resolution">What the person found: <c>succeeded</c>, <c>failed</c> or <c>rerun</c>.</param>
/// <param name="Comment">Why, for the audit trail.</param>
/// <param name="Channel"><c>rest</c> (the default) or <c>ui</c>.</param>
internal sealed record RemediationResolveRequest(string? Resolution, string? Comment, string? Channel);
