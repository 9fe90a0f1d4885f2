namespace IncidentPlatform.Detector.Correlation;

/// <summary>
/// Where the alerts of one fingerprint go (a document in <see cref="RouteStore.Collection"/>, owned by its incident): the
/// incident, and the firing state of the fingerprint's members. Every decision to send a fingerprint to another incident
/// is a version-checked write of this document, so replicas agree on it.
/// </summary>
internal sealed record Route
{
    /// <summary>The fingerprint.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The incident its alerts go to (it may have been resolved or deleted since).</summary>
    public required string IncidentId { get; init; }

    /// <summary>The source of its alerts (for the quiet period).</summary>
    public required string Source { get; init; }

    /// <summary>When a firing alert was last received (the detector's clock, refreshed coarsely).</summary>
    public DateTimeOffset SeenAt { get; init; }

    /// <summary>The members (alert instances) by identity.</summary>
    public IReadOnlyDictionary<string, RouteMember> Members { get; init; } = new Dictionary<string, RouteMember>();
}
