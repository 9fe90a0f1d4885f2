namespace IncidentPlatform.Contracts;

/// <summary>
/// Query (request/response, answered with <see cref="RemediationPolicySnapshot"/> by the remediation service): the
/// remediation policy in force, for the gateway's <c>policy://current</c> MCP resource.
/// </summary>
public sealed record GetRemediationPolicy
{
    /// <summary>When it was asked.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who asks.</summary>
    public required string RequestedBy { get; init; }
}
