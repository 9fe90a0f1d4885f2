namespace IncidentPlatform.Contracts;

/// <summary>Event: the detector opened a new incident.</summary>
public sealed record IncidentOpened : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The incident as opened.</summary>
    public required Incident Incident { get; init; }
}
