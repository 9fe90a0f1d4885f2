namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="IncidentCommandResult"/>): acknowledge an incident.</summary>
public sealed record AcknowledgeIncident : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who acknowledges.</summary>
    public required string Actor { get; init; }
}
