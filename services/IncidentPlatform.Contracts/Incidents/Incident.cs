namespace IncidentPlatform.Contracts;

/// <summary>
/// A deduplicated problem: every alert with the same correlation fingerprint while it is unresolved lands here.
/// Stored as one JSON document; <see cref="Version"/> guards every update (optimistic concurrency).
/// </summary>
public sealed record Incident
{
    /// <summary>Our id (<c>inc-…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The correlation fingerprint that groups alerts into this incident.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>A one-line title (from the first alert, or set by a person).</summary>
    public required string Title { get; init; }

    /// <summary>The affected service, when known.</summary>
    public string? Service { get; init; }

    /// <summary>The highest severity seen, or what a person set.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Open, acknowledged or resolved.</summary>
    public required IncidentStatus Status { get; init; }

    /// <summary>The source of the first alert.</summary>
    public required string Source { get; init; }

    /// <summary>Labels shared by the grouped alerts.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>When the incident was opened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When anything about it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was acknowledged, and by whom.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Who or what resolved it (a person, <c>alert</c>, <c>quiet-period</c>, <c>remediation</c>).</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>Alerts grouped into the incident (all of them, including those beyond the stored sample).</summary>
    public long AlertCount { get; init; }

    /// <summary>When the first alert was observed.</summary>
    public DateTimeOffset FirstAlertAt { get; init; }

    /// <summary>When the latest alert was observed.</summary>
    public DateTimeOffset LastAlertAt { get; init; }

    /// <summary>Ids of the latest alerts applied (bounded), so a redelivered alert is recognised and not counted twice.</summary>
    public IReadOnlyList<string> RecentAlertIds { get; init; } = [];

    /// <summary>Error templates seen in its alerts (ids), most recent last.</summary>
    public IReadOnlyList<string> TemplateIds { get; init; } = [];

    /// <summary>The latest detector evidence, newest last, bounded.</summary>
    public IReadOnlyList<SignalEvidence> Evidence { get; init; } = [];

    /// <summary>The silence that suppresses paging for it, if any (it is still recorded).</summary>
    public string? SilencedBy { get; init; }

    /// <summary>The root-cause analysis, once done.</summary>
    public IncidentAnalysis? Analysis { get; init; }

    /// <summary>The optimistic-concurrency version: 1 when created, +1 on every stored update.</summary>
    public long Version { get; init; }
}
