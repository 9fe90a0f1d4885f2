namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>
/// CloudWatch Logs subscription deliveries (<c>Webhooks:CloudWatchLogs</c>). The token may also arrive as Firehose's
/// <c>X-Amz-Firehose-Access-Key</c> (the HTTP endpoint's "access key").
/// </summary>
internal sealed class CloudWatchLogsOptions : WebhookSourceOptions
{
    /// <summary>The largest body accepted, as sent (compressed).</summary>
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most bytes decompression may produce for one request; beyond it the request gets 413 (a gzip bomb).</summary>
    public long MaxDecompressedBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Log lines per <c>LogEventsReceived</c> message; larger deliveries are split.</summary>
    public int MaxEventsPerMessage { get; set; } = 1000;

    /// <summary>The service of a log group (by exact name); unlisted groups use their last path segment.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.Ordinal);
}
