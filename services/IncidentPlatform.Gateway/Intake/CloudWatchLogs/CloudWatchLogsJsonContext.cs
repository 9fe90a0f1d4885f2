using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>CloudWatch Logs payloads and Firehose requests/responses (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CloudWatchLogsPayload))]
[JsonSerializable(typeof(FirehoseRequest))]
[JsonSerializable(typeof(FirehoseResponse))]
[JsonSerializable(typeof(LogsAccepted))]
internal sealed partial class CloudWatchLogsJsonContext : JsonSerializerContext;
