namespace IncidentPlatform.Contracts;

/// <summary>
/// Event: the gateway accepted a batch of log lines (a CloudWatch Logs subscription delivery); the detector mines their
/// templates and runs anomaly detection over them like any other log source.
/// </summary>
public sealed record LogEventsReceived
{
    /// <summary>Our id for the batch (derived from the sender's ids when it has them, so retries are recognised).</summary>
    public required string BatchId { get; init; }

    /// <summary>When it was accepted.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The log source, e.g. <c>cloudwatch-logs</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The service the lines belong to (from configuration or the log group name).</summary>
    public string? Service { get; init; }

    /// <summary>Where they came from (log group, log stream, account, region…).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The lines.</summary>
    public required IReadOnlyList<LogEvent> Events { get; init; }
}
