using System.Diagnostics;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Telemetry;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Accepts a normalized alert from any inbound route (REST, webhooks, MCP): gives it an id, drops retries of an alert
/// the sender already delivered (same sender id), and publishes <see cref="AlertReceived"/>. The alert counts as
/// accepted only once the broker confirmed the publish; otherwise the sender gets 503 and retries.
/// </summary>
internal sealed partial class AlertIntake(
    IPublishEndpoint publisher, IIdempotencyStore idempotency, GatewayTelemetry telemetry, TimeProvider time, ILogger<AlertIntake> logger)
{
    /// <summary>How long a sender's alert id is remembered: a retry within it is dropped.</summary>
    public static readonly TimeSpan RetryMemory = TimeSpan.FromDays(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Accepts the alert: 202 with its id, or 503 problem details when it could not be queued.</summary>
    public async Task<IResult> AcceptAsync(Alert alert, CancellationToken cancellationToken)
    {
        var (id, error) = await SubmitAsync(alert, cancellationToken);
        var note = alert.TimestampFromReceipt ? $"No timestamp was given: the time of receipt, {alert.Timestamp:O}, was used." : null;
        return error is null
            ? TypedResults.Accepted((string?)null, new AlertAccepted(id, note))
            : Problems.Result(StatusCodes.Status503ServiceUnavailable, "Not accepted", error);
    }

    /// <summary>Accepts the alert; returns its id, and an error when it could not be queued (nothing was stored).</summary>
    public async Task<(string AlertId, string? Error)> SubmitAsync(Alert alert, CancellationToken cancellationToken)
    {
        var id = alert.ExternalId is null
            ? Ids.New("alt", time)
            : Ids.FromKey("alt", $"{alert.Source}\n{alert.ExternalId}");
        // The alert's trace starts here (under the request's): the publish below carries it to every service.
        using var activity = GatewayTelemetry.Source.StartActivity("gateway.alert.accept");
        activity?.SetTag(GatewayTelemetry.AlertIdTag, id);
        activity?.SetTag("incidentplatform.alert_source", alert.Source);
        var claim = $"alert:{id}";
        if (alert.ExternalId is not null && !await idempotency.TryClaimAsync(claim, RetryMemory, cancellationToken))
        {
            LogRetryIgnored(logger, id, alert.Source);
            telemetry.Accepted(alert.Source, duplicate: true);
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
            LogNotQueued(logger, e, id);
            activity?.SetStatus(ActivityStatusCode.Error, "the alert could not be queued");
            if (alert.ExternalId is not null)
            {
                await idempotency.ReleaseAsync(claim, CancellationToken.None);
            }

            return (id, "The alert could not be queued (the message bus is unavailable); nothing was stored. Retry later.");
        }

        LogAccepted(logger, id, alert.Source, alert.Title);
        telemetry.Accepted(alert.Source, duplicate: false);
        return (id, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted alert {AlertId} from {Source}: {Title}")]
    private static partial void LogAccepted(ILogger logger, string alertId, string source, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} from {Source} was already accepted; ignoring the retry")]
    private static partial void LogRetryIgnored(ILogger logger, string alertId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish alert {AlertId}")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string alertId);
}
