namespace IncidentPlatform.Contracts;

/// <summary>Event: the gateway accepted an alert (webhook, REST, MCP); the detector correlates it.</summary>
public sealed record AlertReceived
{
    /// <summary>The alert's id.</summary>
    public required string AlertId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The alert, normalized.</summary>
    public required Alert Alert { get; init; }
}
