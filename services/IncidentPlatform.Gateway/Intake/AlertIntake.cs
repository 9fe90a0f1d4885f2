using System.Diagnostics;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Inbox;
using IncidentPlatform.Gateway.Telemetry;
using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Accepts a normalized alert from any inbound route (REST, webhooks, MCP): gives it an id and admits it to the durable
/// inbox (<see cref="InboxRelay"/>), which publishes <see cref="AlertReceived"/>. The alert counts as accepted once the
/// inbox holds it; a retry of an alert the sender already delivered (same sender id) is recognised by the same write.
/// When the inbox cannot take it the sender gets 503 with Retry-After, and nothing was stored.
/// </summary>
internal sealed partial class AlertIntake(InboxRelay inbox, GatewayTelemetry telemetry, TimeProvider time, ILogger<AlertIntake> logger)
{
    /// <summary>Accepts the alert: 202 with its id, or 503 problem details (with Retry-After) when it could not be stored.</summary>
    public async Task<IResult> AcceptAsync(Alert alert)
    {
        var (id, error) = await SubmitAsync(alert);
        var note = alert.TimestampFromReceipt ? $"No timestamp was given: the time of receipt, {alert.Timestamp:O}, was used." : null;
        return error is null
            ? TypedResults.Accepted((string?)null, new AlertAccepted(id, note))
            : Problems.Unavailable("Not accepted", error, InboxUnavailableException.RetryAfter);
    }

    /// <summary>
    /// Accepts the alert; returns its id, and an error when it could not be stored (then nothing was). It takes no
    /// cancellation: a sender that hangs up does not interrupt the store write, and the next delivery finds what it did.
    /// </summary>
    public async Task<(string AlertId, string? Error)> SubmitAsync(Alert alert)
    {
        var id = alert.ExternalId is null
            ? Ids.New("alt", time)
            : Ids.FromKey("alt", $"{alert.Source}\n{alert.ExternalId}");
        // The alert's trace starts here (under the request's): the inbox keeps it, and the relay's publish continues it.
        using var activity = GatewayTelemetry.Source.StartActivity("gateway.alert.accept");
        activity?.SetTag(GatewayTelemetry.AlertIdTag, id);
        activity?.SetTag("incidentplatform.alert_source", alert.Source);
        bool added;
        try
        {
            added = await inbox.AdmitAsync(id, new InboxEntry(Alert: new AlertReceived
            {
                AlertId = id,
                OccurredAt = time.GetUtcNow(),
                Alert = alert with { Id = id },
            }));
        }
        catch (InboxUnavailableException e)
        {
            LogNotQueued(logger, e.InnerException ?? e, id);
            activity?.SetStatus(ActivityStatusCode.Error, "the alert could not be stored");
            return (id, e.Message);
        }

        if (!added)
        {
            LogRetryIgnored(logger, id, alert.Source);
        }
        else
        {
            LogAccepted(logger, id, alert.Source, alert.Title);
        }

        telemetry.Accepted(alert.Source, duplicate: !added);
        return (id, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted alert {AlertId} from {Source}: {Title}")]
    private static partial void LogAccepted(ILogger logger, string alertId, string source, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} from {Source} was already accepted; ignoring the retry")]
    private static partial void LogRetryIgnored(ILogger logger, string alertId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store alert {AlertId}")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string alertId);
}
