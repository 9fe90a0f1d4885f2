namespace IncidentPlatform.Contracts;

/// <summary>Event: the analysis worker explained an incident.</summary>
public sealed record IncidentAnalyzed : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who asked for this analysis (display name), null when the platform ran it on its own.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The stable id of who asked (<see cref="AnalyzeIncident.RequestedById"/>), null when nobody did.</summary>
    public string? RequestedById { get; init; }

    /// <summary>The analysis.</summary>
    public required IncidentAnalysis Analysis { get; init; }
}
