using System.Text.Json;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>An Amazon Data Firehose HTTP endpoint delivery: each record's <c>data</c> is base64 (here, of a gzipped
/// CloudWatch Logs payload; a payload given as a JSON object is accepted too).</summary>
internal sealed record FirehoseRequest
{
    public string? RequestId { get; init; }

    public long? Timestamp { get; init; }

    public IReadOnlyList<FirehoseRecord>? Records { get; init; }
}
