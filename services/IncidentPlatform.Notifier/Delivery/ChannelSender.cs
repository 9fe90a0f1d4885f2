using IncidentPlatform.Contracts;
using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Telemetry;
using IncidentPlatform.ServiceDefaults;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Delivery;

/// <summary>
/// Sends one rendered message through one channel with retries: exponential backoff with jitter, or the server's
/// <c>Retry-After</c> when it gave one (up to the channel's <c>MaxRetryDelay</c>). Marks the key done the moment the
/// channel accepts, so nothing after that can cause a second post.
/// </summary>
internal sealed class ChannelSender(DeliveryIdempotency idempotency, TimeProvider time, ILogger<ChannelSender> logger)
{
    public async Task<NotificationDelivery> SendAsync(ConfiguredChannel configured, ChannelMessage message, CancellationToken cancellationToken)
    {
        var channel = configured.Channel;
        var options = channel.Options;
        SendResult result;
        var attempt = 0;
        while (true)
        {
            attempt++;
            using (var activity = NotifierTelemetry.Source.StartActivity("notifier.send"))
            {
                activity?.SetTag("notifier.channel", channel.Name);
                activity?.SetTag("notifier.event", message.Event.Type);
                activity?.SetTag("incident.id", message.Event.IncidentId);
                result = await SendOnceAsync(channel, message, cancellationToken);
                activity?.SetTag("notifier.success", result.Success);
            }

            NotifierTelemetry.Attempts.Add(1, new KeyValuePair<string, object?>("channel", channel.Name),
                new KeyValuePair<string, object?>("success", result.Success));
            if (result.Success)
            {
                await idempotency.MarkDoneAsync(message.IdempotencyKey, message.DeliveryId, cancellationToken);
                break;
            }

            if (!result.Retryable || attempt >= options.MaxAttempts)
            {
                break;
            }

            var delay = result.RetryAfter ?? Backoff(options.RetryDelay, attempt);
            if (delay > options.MaxRetryDelay)
            {
                result = SendResult.Permanent($"{result.Error} (asked to wait {delay}, longer than MaxRetryDelay {options.MaxRetryDelay})");
                break;
            }

            DeliveryLogMessages.Retrying(logger, message.Event.Type, message.Event.IncidentId, channel.Name, delay, result.Error);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        return new NotificationDelivery
        {
            Id = message.DeliveryId,
            IncidentId = message.Event.IncidentId,
            Channel = channel.Name,
            ChannelType = channel.Type,
            EventType = message.Event.Type,
            Status = result.Success ? DeliveryStatus.Delivered : DeliveryStatus.Failed,
            Attempts = attempt,
            At = time.GetUtcNow(),
            Detail = result.Error,
            ExternalRef = result.ExternalRef,
            Text = Text(message),
        };
    }

    public static string Text(ChannelMessage message) =>
        Templates.RenderedText.Truncate($"{message.Title.ToPlain()}\n{message.Body.ToPlain()}", 2000);

    public static string NewId(TimeProvider time) => Ids.New("ntf", time);

    private async Task<SendResult> SendOnceAsync(INotificationChannel channel, ChannelMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DeliveryLogMessages.ChannelThrew(logger, e, channel.Name, message.Event.Type, message.Event.IncidentId);
            return SendResult.Permanent($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static TimeSpan Backoff(TimeSpan first, int attempt)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble()));
    }
}
