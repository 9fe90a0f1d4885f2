namespace IncidentPlatform.Contracts;

/// <summary>Event: the analysis worker explained an incident.</summary>
public sealed record IncidentAnalyzed : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The analysis.</summary>
    public required IncidentAnalysis Analysis { get; init; }
}
