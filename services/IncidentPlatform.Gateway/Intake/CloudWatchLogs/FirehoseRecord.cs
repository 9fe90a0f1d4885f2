using System.Text.Json;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>One Firehose record.</summary>
internal sealed record FirehoseRecord(JsonElement Data);
