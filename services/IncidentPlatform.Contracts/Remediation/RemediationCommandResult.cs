namespace IncidentPlatform.Contracts;

/// <summary>Response to a remediation command.</summary>
public sealed record RemediationCommandResult
{
    /// <summary>True when the decision was recorded.</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why not (not found, not pending, four-eyes, role, expired).</summary>
    public string? Error { get; init; }

    /// <summary>An HTTP-like status for the outcome: 200, 403, 404, 409.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The remediation after the decision.</summary>
    public Remediation? Remediation { get; init; }
}
