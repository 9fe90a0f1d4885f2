using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>
/// Pushes the lines of a <see cref="LogEventsReceived"/> batch (CloudWatch Logs…) through the same miner and anomaly
/// detection as any log source — one source per sender and service. Idempotent per <see cref="LogEventsReceived.BatchId"/>:
/// a redelivered batch is claimed already and not counted twice.
/// </summary>
internal sealed partial class LogEventsReceivedConsumer(LogSources sources, IIdempotencyStore idempotency, ILogger<LogEventsReceivedConsumer> logger)
    : IConsumer<LogEventsReceived>
{
    public const int MaxEvents = 10_000;
    public const int MaxLength = 32 * 1024;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromDays(2);

    public async Task Consume(ConsumeContext<LogEventsReceived> context)
    {
        var batch = context.Message;
        var claim = $"log-batch:{batch.BatchId}";
        if (!await idempotency.TryClaimAsync(claim, ClaimFor, context.CancellationToken))
        {
            LogRedelivery(logger, batch.BatchId);
            return;
        }

        try
        {
            var service = Name(batch.Service) ?? Name(batch.Labels?.GetValueOrDefault("logGroup")) ?? "unknown";
            var sourceId = SourceId(batch.Source, service);
            if (sources.Count >= LogSources.MaxSources && !sources.Contains(sourceId))
            {
                sourceId = SourceId(batch.Source, "other");
            }

            var source = await sources.GetAsync(sourceId);
            var records = (batch.Events ?? [])
                .Where(e => e?.Message is { Length: > 0 })
                .Take(MaxEvents)
                .Select(e => new LogRecord(e.Message.Length <= MaxLength ? e.Message.TrimEnd('\n', '\r') : e.Message[..MaxLength], service, e.Timestamp))
                .ToList();
            await source.ProcessAsync(records, context.CancellationToken);
            LogBatch(logger, batch.BatchId, records.Count, batch.Source, service);
        }
        catch
        {
            await idempotency.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The log source of a sender and service: <c>events:&lt;source&gt;:&lt;service&gt;</c>.</summary>
    public static string SourceId(string? source, string service) => $"events:{Name(source) ?? "unknown"}:{service}";

    private static string? Name(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var clean = new string([.. trimmed.Select(c => char.IsControl(c) || c == ':' ? '_' : c)]);
        return clean.Length <= 100 ? clean : clean[..100];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Log batch {BatchId} was processed already; ignoring the redelivery")]
    private static partial void LogRedelivery(ILogger logger, string batchId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Log batch {BatchId}: {Count} records from {Source} for {Service}")]
    private static partial void LogBatch(ILogger logger, string batchId, int count, string? source, string service);
}
