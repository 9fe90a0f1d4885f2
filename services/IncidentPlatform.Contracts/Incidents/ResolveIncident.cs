namespace IncidentPlatform.Contracts;

/// <summary>Command (request/response, answered with <see cref="IncidentCommandResult"/>): resolve an incident.</summary>
public sealed record ResolveIncident : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who resolves.</summary>
    public required string Actor { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }
}
