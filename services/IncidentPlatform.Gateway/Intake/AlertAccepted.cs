namespace IncidentPlatform.Gateway.Intake;

/// <summary>The answer to an accepted alert.</summary>
internal sealed record AlertAccepted(string AlertId);
