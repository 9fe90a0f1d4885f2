namespace IncidentPlatform.Contracts;

/// <summary>Event: an incident was deleted by an administrator.</summary>
public sealed record IncidentDeleted : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who deleted it.</summary>
    public required string Actor { get; init; }
}
