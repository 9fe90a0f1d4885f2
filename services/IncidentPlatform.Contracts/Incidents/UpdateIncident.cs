namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="IncidentCommandResult"/>): change an incident's title, severity or labels.</summary>
public sealed record UpdateIncident : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who changes it.</summary>
    public required string Actor { get; init; }

    /// <summary>The new title, if changed.</summary>
    public string? Title { get; init; }

    /// <summary>The new severity, if changed.</summary>
    public Severity? Severity { get; init; }

    /// <summary>Labels to set (merged into the existing ones), if any.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>A note for the timeline.</summary>
    public string? Note { get; init; }
}
