namespace IncidentPlatform.Gateway.Intake;

/// <summary>The body of <c>POST /api/alerts</c>: any JSON alert. <c>id</c> is the sender's own id (retries are dropped).</summary>
internal sealed record AlertRequest(
    string? Source,
    string? Title,
    string? Message,
    string? Severity,
    DateTimeOffset? Timestamp,
    string? Service,
    Dictionary<string, string>? Labels,
    string? Id,
    string? Status);
