namespace IncidentPlatform.Contracts;

/// <summary>What running an action did.</summary>
public sealed record RemediationResult
{
    /// <summary>True when the action reported success.</summary>
    public required bool Success { get; init; }

    /// <summary>True when nothing was sent: the request that would have been sent is in <see cref="Request"/>.</summary>
    public bool DryRun { get; init; }

    /// <summary>The request sent (or that would have been sent), secrets removed.</summary>
    public string? Request { get; init; }

    /// <summary>The response or output (bounded).</summary>
    public string? Output { get; init; }

    /// <summary>The error, when it failed.</summary>
    public string? Error { get; init; }

    /// <summary>When execution started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }
}
