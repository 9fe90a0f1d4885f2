using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>What applying one alert did to its incident, and what to announce.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Incident">The incident after the alert (null when ignored).</param>
/// <param name="Changes">What changed (<c>alerts</c>, <c>severity</c>, <c>silence</c>, <c>status</c>…).</param>
/// <param name="Significant">True when the change deserves a new analysis or notification.</param>
/// <param name="Publish">For updates: true when an <c>IncidentUpdated</c> is due now (significant, or the first change
/// of the incident in an update interval); later ones are coalesced.</param>
/// <param name="Reason">Why, for resolutions and ignored alerts.</param>
internal sealed record CorrelationOutcome(
    CorrelationKind Kind, Incident? Incident, IReadOnlyList<string> Changes, bool Significant, bool Publish, string? Reason = null)
{
    public static CorrelationOutcome Ignored(string reason) => new(CorrelationKind.Ignored, null, [], false, false, reason);

    public static CorrelationOutcome Duplicate(Incident incident) => new(CorrelationKind.Duplicate, incident, [], false, false);
}
