namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The optional body of <c>POST /api/remediations/{id}/approve</c> and <c>/reject</c>.</summary>
/// <param name="Comment">Why, in the decider's words.</param>
internal sealed record RemediationDecisionRequest(string? Comment);
