namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="IncidentCommandResult"/>): delete an incident and its alerts and timeline.</summary>
public sealed record DeleteIncident : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who deletes it.</summary>
    public required string Actor { get; init; }
}
