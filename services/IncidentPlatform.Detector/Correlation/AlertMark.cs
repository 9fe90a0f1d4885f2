namespace IncidentPlatform.Detector.Correlation;

/// <summary>What an earlier delivery of an alert achieved.</summary>
/// <param name="Done">True when it was applied and announced.</param>
/// <param name="IncidentId">The incident it was applied to (null when it was ignored).</param>
/// <param name="Kind">What applying it did.</param>
/// <param name="Changes">What it changed.</param>
/// <param name="Significant">Whether that was significant.</param>
internal sealed record AlertMark(bool Done, string? IncidentId, CorrelationKind Kind, IReadOnlyList<string> Changes, bool Significant);
