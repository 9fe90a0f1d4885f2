namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>One log line: its CloudWatch id, its time (milliseconds since the epoch) and its text.</summary>
internal sealed record CloudWatchLogEvent(string? Id, long Timestamp, string? Message);
