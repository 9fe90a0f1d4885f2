namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>The answer to a direct (non-Firehose) delivery: the batches published and how many lines they carry.</summary>
internal sealed record LogsAccepted(IReadOnlyList<string> BatchIds, int Events);
