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

    /// <summary>
    /// The stable id of who asked (<c>key:…</c>, <c>oidc:…</c>, <c>slack:…</c>): carried to <see cref="IncidentAnalyzed"/>,
    /// so a remediation proposed from this analysis counts that person as its requester (four eyes).
    /// </summary>
    public string? RequestedById { get; init; }

    /// <summary>Bypass the cache.</summary>
    public bool Force { get; init; }
}
