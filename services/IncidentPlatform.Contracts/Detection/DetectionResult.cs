namespace IncidentPlatform.Contracts;

/// <summary>Response to <see cref="RunDetection"/>.</summary>
public sealed record DetectionResult
{
    /// <summary>True when the detection ran.</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why not (unknown rule, no Splunk configured, the search failed).</summary>
    public string? Error { get; init; }

    /// <summary>An HTTP-like status: 200, 400, 404, 502.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The rule or query that ran.</summary>
    public string? Rule { get; init; }

    /// <summary>Events the search returned (before thresholds).</summary>
    public long EventsScanned { get; init; }

    /// <summary>The signals found, bounded.</summary>
    public IReadOnlyList<SignalEvidence> Signals { get; init; } = [];

    /// <summary>Ids of the alerts raised, when <see cref="RunDetection.Raise"/> was set.</summary>
    public IReadOnlyList<string> AlertIds { get; init; } = [];
}
