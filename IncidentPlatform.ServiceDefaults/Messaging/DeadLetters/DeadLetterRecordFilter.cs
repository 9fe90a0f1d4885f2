using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>
/// The first step of every receive endpoint's error pipe (a message that exhausted its retries): records the dead letter
/// (<see cref="IDeadLetterStore"/>) and counts it (<c>incidentplatform.messaging.dead_letters</c>), then MassTransit's own
/// steps publish the fault and move the message to <c>&lt;queue&gt;_error</c>. Recording never stops the move.
/// </summary>
internal sealed class DeadLetterRecordFilter(IServiceProvider services) : IFilter<ExceptionReceiveContext>
{
    /// <summary>The meter of the messaging defaults.</summary>
    public const string MeterName = "incidentplatform.messaging";

    /// <summary>The counter of dead letters, tagged with the queue.</summary>
    public const string CounterName = "incidentplatform.messaging.dead_letters";

    private Counter<long>? _deadLetters;

    public void Probe(ProbeContext context) => context.CreateFilterScope("deadLetterRecord");

    // The envelope (MassTransit's JSON) names the message's types; a body that is not one has none we can name.
    private static string[] MessageTypes(string body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                ? [.. types.EnumerateArray().Select(t => t.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var queue = context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        _deadLetters ??= services.GetRequiredService<IMeterFactory>().Create(MeterName)
            .CreateCounter<long>(CounterName, description: "Messages that exhausted their retries and went to an error queue.");
        _deadLetters.Add(1, new KeyValuePair<string, object?>("queue", queue));
        try
        {
            var messageId = context.GetMessageId()?.ToString();
            var body = context.Body.GetString();
            var deadLetter = new DeadLetter(
                messageId ?? Guid.NewGuid().ToString(), queue, MessageTypes(body), context.Exception.GetType().FullName ?? context.Exception.GetType().Name,
                context.Exception.Message, new DateTimeOffset(DateTime.SpecifyKind(context.ExceptionTimestamp, DateTimeKind.Utc)),
                Environment.MachineName, messageId, body);
            if (services.GetService<IDeadLetterStore>() is { } store)
            {
                await store.RecordAsync(deadLetter, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            services.GetService<ILoggerFactory>()?.CreateLogger<DeadLetterRecordFilter>()
                .LogError(e, "Recording the dead letter from {Queue} failed; it is still moved to {Queue}_error", queue, queue);
        }

        await next.Send(context);
    }
}
