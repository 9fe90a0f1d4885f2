namespace IncidentPlatform.Gateway.Intake;

/// <summary>The answer to an accepted alert; <paramref name="Note"/> says what was assumed (a missing timestamp).</summary>
internal sealed record AlertAccepted(string AlertId, string? Note = null);
