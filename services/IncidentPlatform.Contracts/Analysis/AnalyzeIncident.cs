namespace IncidentPlatform.Contracts;

/// <summary>Command: analyze (or re-analyze) an incident now.</summary>
public sealed record AnalyzeIncident : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who asked.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Bypass the cache.</summary>
    public bool Force { get; init; }
}
