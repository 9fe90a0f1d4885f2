namespace IncidentPlatform.Contracts;

/// <summary>
/// Command (request/response, answered with <see cref="DetectionResult"/>): run a configured detection rule, or an
/// ad-hoc query, now over a time range, and return the signals it finds (for the <c>incident_detection</c> tool).
/// </summary>
public sealed record RunDetection
{
    /// <summary>The configured rule to run, by name; or null with <see cref="Query"/>.</summary>
    public string? Rule { get; init; }

    /// <summary>An ad-hoc search (SPL for Splunk) when no rule is named.</summary>
    public string? Query { get; init; }

    /// <summary>Start of the range (default: the rule's window before now).</summary>
    public DateTimeOffset? Earliest { get; init; }

    /// <summary>End of the range (default: now).</summary>
    public DateTimeOffset? Latest { get; init; }

    /// <summary>Also raise the signals as alerts (correlated into incidents), not only return them.</summary>
    public bool Raise { get; init; }

    /// <summary>Who asks.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
