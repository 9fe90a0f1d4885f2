using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Inbox;
using IncidentPlatform.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.CloudWatchLogs;

/// <summary>
/// Publishes the log lines of CloudWatch Logs payloads as <see cref="LogEventsReceived"/> for the detector's miners, in
/// messages of at most <see cref="CloudWatchLogsOptions.MaxEventsPerMessage"/> lines. A batch id derives from the
/// sender's event ids, so a redelivered payload gives the same ids and is dropped by the durable inbox
/// (<see cref="InboxRelay"/>, which relays them to the bus); when the inbox cannot take a batch the sender retries the
/// whole delivery, and the batches already taken are dropped as retries.
/// </summary>
internal sealed class LogBatchIntake(InboxRelay inbox, IOptions<WebhookOptions> options, TimeProvider time, ILogger<LogBatchIntake> logger)
{
    public const string Source = "cloudwatch-logs";

    /// <summary>The batch ids accepted (or already accepted before).</summary>
    /// <exception cref="InboxUnavailableException">A batch could not be stored (the sender should retry).</exception>
    public async Task<(IReadOnlyList<string> BatchIds, int Events)> PublishAsync(IReadOnlyList<CloudWatchLogsPayload> payloads)
    {
        var ids = new List<string>();
        var events = 0;
        foreach (var payload in payloads.Where(p => p.MessageType == "DATA_MESSAGE" && p.LogEvents.Count > 0))
        {
            var size = Math.Max(1, options.Value.CloudWatchLogs.MaxEventsPerMessage);
            var chunks = payload.LogEvents.Chunk(size).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                var id = Ids.FromKey("logs", string.Join('\n', payload.Owner, payload.LogGroup, payload.LogStream,
                    chunk[0].Id ?? chunk[0].Timestamp.ToString(CultureInfo.InvariantCulture),
                    chunk[^1].Id ?? chunk[^1].Timestamp.ToString(CultureInfo.InvariantCulture), chunk.Length, i));
                ids.Add(id);
                events += chunk.Length;
                await AdmitChunkAsync(id, payload, chunk);
            }
        }

        return (ids, events);
    }

    private async Task AdmitChunkAsync(string id, CloudWatchLogsPayload payload, CloudWatchLogEvent[] chunk)
    {
        var added = await inbox.AdmitAsync(id, new InboxEntry(Logs: new LogEventsReceived
        {
            BatchId = id,
            OccurredAt = time.GetUtcNow(),
            Source = Source,
            Service = ServiceOf(payload.LogGroup),
            Labels = AlertText.Labels(Labels(payload)),
            Events = [.. chunk.Select(e => new LogEvent
            {
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp),
                Message = AlertText.Message(e.Message),
                Id = e.Id,
            })],
        }));
        if (added)
        {
            logger.LogInformation("Accepted {Count} log lines of {LogGroup} as batch {BatchId}", chunk.Length, payload.LogGroup, id);
        }
        else
        {
            logger.LogInformation("Log batch {BatchId} was already accepted; ignoring the retry", id);
        }
    }

    private string? ServiceOf(string? logGroup)
    {
        if (string.IsNullOrWhiteSpace(logGroup))
        {
            return null;
        }

        return options.Value.CloudWatchLogs.Services.TryGetValue(logGroup, out var service)
            ? service
            : logGroup.TrimEnd('/').Split('/').Last();
    }

    private static IEnumerable<KeyValuePair<string, string>> Labels(CloudWatchLogsPayload payload)
    {
        yield return new("logGroup", payload.LogGroup ?? "");
        yield return new("logStream", payload.LogStream ?? "");
        yield return new("owner", payload.Owner ?? "");
        yield return new("subscriptionFilters", string.Join(",", payload.SubscriptionFilters));
    }
}
