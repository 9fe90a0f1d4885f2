namespace IncidentPlatform.Contracts;

/// <summary>Event: the incident was resolved.</summary>
public sealed record IncidentResolved : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The incident as resolved.</summary>
    public required Incident Incident { get; init; }

    /// <summary>Who or what resolved it.</summary>
    public required string ResolvedBy { get; init; }

    /// <summary>Why, if given.</summary>
    public string? Reason { get; init; }
}
