namespace IncidentPlatform.Contracts;

/// <summary>
/// Query (request/response, answered with <see cref="RemediationSuggestions"/>): which catalog actions the policy in
/// force would allow for an incident, with their risk and approval needs, without proposing any of them.
/// </summary>
public sealed record SuggestRemediations : IIncidentMessage
{
    /// <summary>The incident.</summary>
    public required string IncidentId { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who asks (an API key name, an MCP client).</summary>
    public required string RequestedBy { get; init; }
}
