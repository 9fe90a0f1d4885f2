using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>An incident with one more alert counted, and what that changed.</summary>
/// <param name="Incident">The incident to store.</param>
/// <param name="Changes">What changed.</param>
/// <param name="Significant">True when it deserves a new analysis or notification.</param>
/// <param name="PublishDue">True when an <c>IncidentUpdated</c> should go out now.</param>
/// <param name="SummaryDue">True when this is the first alert of a timeline summary interval.</param>
internal sealed record Counted(Incident Incident, IReadOnlyList<string> Changes, bool Significant, bool PublishDue, bool SummaryDue);
