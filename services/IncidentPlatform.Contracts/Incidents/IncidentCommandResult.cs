namespace IncidentPlatform.Contracts;

/// <summary>Response to an incident command.</summary>
public sealed record IncidentCommandResult
{
    /// <summary>True when the command was applied.</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why not, when it was not (not found, conflict, invalid).</summary>
    public string? Error { get; init; }

    /// <summary>An HTTP-like status for the outcome: 200, 404, 409, 422.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The incident after the command.</summary>
    public Incident? Incident { get; init; }
}
