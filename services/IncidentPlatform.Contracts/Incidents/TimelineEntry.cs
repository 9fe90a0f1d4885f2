namespace IncidentPlatform.Contracts;

/// <summary>One line of an incident's append-only timeline.</summary>
public sealed record TimelineEntry
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What happened, as a stable kind: <c>opened</c>, <c>alert</c>, <c>severity</c>, <c>acknowledged</c>,
    /// <c>resolved</c>, <c>analyzed</c>, <c>remediation</c>, <c>notification</c>, <c>note</c>…</summary>
    public required string Kind { get; init; }

    /// <summary>A human-readable sentence.</summary>
    public required string Message { get; init; }

    /// <summary>Who did it (an API key name, a Slack user, a service).</summary>
    public string? Actor { get; init; }

    /// <summary>Related ids and values (alert id, remediation id, old and new severity).</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
