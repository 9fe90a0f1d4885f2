namespace IncidentPlatform.Detector.Correlation;

/// <summary>One alert instance of a fingerprint: firing or resolved, by the sender's timestamps.</summary>
internal sealed record RouteMember
{
    /// <summary>True while the sender reports the condition.</summary>
    public bool Firing { get; init; }

    /// <summary>The sender's time of its latest firing alert.</summary>
    public DateTimeOffset? FiringAt { get; init; }

    /// <summary>The sender's time of its latest resolve.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }
}
