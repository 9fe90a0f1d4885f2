using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>What applying one alert did to its incident.</summary>
/// <param name="Incident">The incident after the alert.</param>
/// <param name="Opened">True when the alert opened the incident.</param>
/// <param name="Changes">What changed (<c>alerts</c>, <c>severity</c>…); empty for a redelivered alert.</param>
/// <param name="Significant">True when the change deserves a new analysis or notification.</param>
internal sealed record CorrelationOutcome(Incident Incident, bool Opened, IReadOnlyList<string> Changes, bool Significant)
{
    /// <summary>True when the alert had been applied before (a redelivery): nothing changed.</summary>
    public bool Duplicate => Changes.Count == 0;
}
