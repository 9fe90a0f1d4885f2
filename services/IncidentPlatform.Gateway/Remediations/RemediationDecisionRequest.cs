namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The optional body of <c>POST /api/remediations/{id}/approve</c> and <c>/reject</c>.</summary>
/// <param name="Comment">Why, in the decider's words.</param>
/// <param name="Channel">
/// Where the decision was made, for the audit trail: <c>rest</c> (the default) or <c>ui</c> (the web UI, which calls the
/// same endpoints). Who decided always comes from the API key, never from the body.
/// </param>
internal sealed record RemediationDecisionRequest(string? Comment, string? Channel);
