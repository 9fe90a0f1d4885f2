namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>What a CloudWatch Logs subscription filter delivers (after base64 and gzip are undone).</summary>
internal sealed record CloudWatchLogsPayload
{
    /// <summary><c>DATA_MESSAGE</c>, or <c>CONTROL_MESSAGE</c> (a reachability check, ignored).</summary>
    public string? MessageType { get; init; }

    /// <summary>The AWS account of the log group.</summary>
    public string? Owner { get; init; }

    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    public IReadOnlyList<string> SubscriptionFilters { get; init; } = [];

    public IReadOnlyList<CloudWatchLogEvent> LogEvents { get; init; } = [];
}
