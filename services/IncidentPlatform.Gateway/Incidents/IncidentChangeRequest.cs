namespace IncidentPlatform.Gateway.Incidents;

/// <summary>The body of <c>PATCH /api/incidents/{id}</c> (all optional) and of acknowledge/resolve (<c>reason</c>).</summary>
internal sealed record IncidentChangeRequest(
    string? Title, string? Severity, Dictionary<string, string>? Labels, string? Note, string? Reason);
