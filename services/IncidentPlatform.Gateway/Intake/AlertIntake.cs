using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Accepts a normalized alert from any inbound route (REST, webhooks, MCP): gives it an id, drops retries of an alert
/// the sender already delivered (same sender id), and publishes <see cref="AlertReceived"/>. The alert counts as
/// accepted only once the broker confirmed the publish; otherwise the sender gets 503 and retries.
/// </summary>
internal sealed class AlertIntake(
    IPublishEndpoint publisher, IIdempotencyStore idempotency, TimeProvider time, ILogger<AlertIntake> logger)
{
    /// <summary>How long a sender's alert id is remembered: a retry within it is dropped.</summary>
    public static readonly TimeSpan RetryMemory = TimeSpan.FromDays(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Accepts the alert: 202 with its id, or 503 problem details when it could not be queued.</summary>
    public async Task<IResult> AcceptAsync(Alert alert, CancellationToken cancellationToken)
    {
        var (id, error) = await SubmitAsync(alert, cancellationToken);
        return error is null
            ? TypedResults.Accepted((string?)null, new AlertAccepted(id))
            : Problems.Result(StatusCodes.Status503ServiceUnavailable, "Not accepted", error);
    }

    /// <summary>Accepts the alert; returns its id, and an error when it could not be queued (nothing was stored).</summary>
    public async Task<(string AlertId, string? Error)> SubmitAsync(Alert alert, CancellationToken cancellationToken)
    {
        var id = alert.ExternalId is null
            ? Ids.New("alt", time)
            : Ids.FromKey("alt", $"{alert.Source}\n{alert.ExternalId}");
        var claim = $"alert:{id}";
        if (alert.ExternalId is not null && !await idempotency.TryClaimAsync(claim, RetryMemory, cancellationToken))
        {
            logger.LogInformation("Alert {AlertId} from {Source} was already accepted; ignoring the retry", id, alert.Source);
            return (id, null);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            await publisher.Publish(new AlertReceived
            {
                AlertId = id,
                OccurredAt = time.GetUtcNow(),
                Alert = alert with { Id = id },
            }, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not publish alert {AlertId}", id);
            if (alert.ExternalId is not null)
            {
                await idempotency.ReleaseAsync(claim, CancellationToken.None);
            }

            return (id, "The alert could not be queued (the message bus is unavailable); nothing was stored. Retry later.");
        }

        logger.LogInformation("Accepted alert {AlertId} from {Source}: {Title}", id, alert.Source, alert.Title);
        return (id, null);
    }
}
