using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>
/// Finds the CloudWatch Logs payloads in a delivery, whatever carried it: a Firehose HTTP endpoint request
/// (<c>{requestId, timestamp, records:[{data}]}</c>, each data base64 of gzip), the event a subscription hands a Lambda
/// function and forwarders post as is (<c>{"awslogs":{"data":"base64 of gzip"}}</c>), the raw gzip bytes, their base64
/// text, or the payload JSON itself — all bounded by one decompression budget.
/// </summary>
internal static class LogsPayloadReader
{
    /// <exception cref="DecompressionLimitException">Decompression went over budget.</exception>
    /// <exception cref="FormatException">The body is none of the accepted forms (the message says why).</exception>
    public static (string? FirehoseRequestId, IReadOnlyList<CloudWatchLogsPayload> Payloads) Read(byte[] body, BoundedGzip gzip)
    {
        var json = Unwrap(body, gzip);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("records", out _))
            {
                var request = root.Deserialize(CloudWatchLogsJsonContext.Default.FirehoseRequest)!;
                var payloads = (request.Records ?? []).Select(r => RecordPayload(r, gzip)).OfType<CloudWatchLogsPayload>().ToList();
                return (request.RequestId ?? "", payloads);
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("awslogs", out var awslogs))
            {
                return (null, [Envelope(awslogs, gzip)]);
            }

            return (null, [Payload(root)]);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The body is not a CloudWatch Logs payload or a Firehose request: {e.Message}", e);
        }
    }

    // Raw gzip, or base64 text of gzip, or JSON as is.
    private static byte[] Unwrap(byte[] body, BoundedGzip gzip)
    {
        if (BoundedGzip.IsGzip(body))
        {
            return Gunzip(body, gzip);
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            return body;
        }

        return Gunzip(FromBase64(text), gzip);
    }

    private static CloudWatchLogsPayload? RecordPayload(FirehoseRecord record, BoundedGzip gzip)
    {
        if (record.Data.ValueKind == JsonValueKind.Object)
        {
            return Payload(record.Data);
        }

        var bytes = FromBase64(record.Data.GetString() ?? "");
        if (bytes.Length == 0)
        {
            return null; // Firehose permits empty records
        }

        using var document = JsonDocument.Parse(BoundedGzip.IsGzip(bytes) ? Gunzip(bytes, gzip) : bytes);
        return Payload(document.RootElement);
    }

    private static CloudWatchLogsPayload Envelope(JsonElement awslogs, BoundedGzip gzip)
    {
        if (awslogs.ValueKind != JsonValueKind.Object || !awslogs.TryGetProperty("data", out var data) ||
            data.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("'awslogs' must be an object whose 'data' is the base64 of the gzipped payload.");
        }

        using var document = JsonDocument.Parse(Gunzip(FromBase64(data.GetString()!), gzip));
        return Payload(document.RootElement);
    }

    private static CloudWatchLogsPayload Payload(JsonElement element)
    {
        var payload = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("messageType", out _)
            ? element.Deserialize(CloudWatchLogsJsonContext.Default.CloudWatchLogsPayload)!
            : throw new FormatException("A record is not a CloudWatch Logs payload ('messageType' is missing).");

        // JSON null where CloudWatch always sends a list or an object: a payload no sender of ours writes.
        return payload.LogEvents is null || payload.LogEvents.Any(e => e is null) ||
               payload.SubscriptionFilters is null || payload.SubscriptionFilters.Any(f => f is null)
            ? throw new FormatException("'logEvents' and 'subscriptionFilters' must be lists without null elements.")
            : payload;
    }

    private static byte[] Gunzip(byte[] data, BoundedGzip gzip)
    {
        try
        {
            return gzip.Decompress(data);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The body is not valid gzip: {e.Message}", e);
        }
    }

    private static byte[] FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new FormatException("The body is neither JSON, gzip, nor base64 of gzip.", e);
        }
    }
}
