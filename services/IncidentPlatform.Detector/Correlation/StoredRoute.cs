namespace IncidentPlatform.Detector.Correlation;

/// <summary>A route as stored, with the version its next write must name.</summary>
internal sealed record StoredRoute(Route Value, long Version);
