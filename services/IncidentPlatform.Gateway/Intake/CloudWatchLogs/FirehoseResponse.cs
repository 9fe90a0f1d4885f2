namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>The answer Firehose requires: its request id, our time in milliseconds, and an error message on failure
/// (Firehose takes only 200 as success; 413 as a permanent failure; anything else it retries).</summary>
internal sealed record FirehoseResponse(string RequestId, long Timestamp, string? ErrorMessage = null);
