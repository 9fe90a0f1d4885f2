namespace IncidentPlatform.Contracts;

/// <summary>Event: an open incident changed (new alerts, severity, status, fields).</summary>
public sealed record IncidentUpdated : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The incident after the change.</summary>
    public required Incident Incident { get; init; }

    /// <summary>What changed: <c>alerts</c>, <c>severity</c>, <c>status</c>, <c>title</c>, <c>labels</c>, <c>evidence</c>, <c>analysis</c>.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>True when the change deserves a new analysis or a notification (severity up, new template, reopened).</summary>
    public bool Significant { get; init; }
}
