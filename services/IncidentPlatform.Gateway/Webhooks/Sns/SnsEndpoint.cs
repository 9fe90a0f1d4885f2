using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Webhooks.Sns;

/// <summary>
/// <c>POST /api/alerts/sns</c>: Amazon SNS HTTP(S) deliveries. Authenticated by the SNS signature (always verified; plus
/// the source token when one is configured). Notifications become alerts (CloudWatch alarms unwrapped, OK resolving);
/// subscription confirmations are confirmed when configured to; unsubscribe confirmations are acknowledged.
/// </summary>
internal static class SnsEndpoint
{
    public const int MaxBody = 512 * 1024;

    public static IEndpointRouteBuilder MapSnsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/sns", HandleAsync)
            .AllowAnonymous()
            .WithName("PostSnsAlert")
            .WithSummary("Accept an Amazon SNS delivery (CloudWatch alarms, any notification); SNS-signed.");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SnsCertificates certificates, SnsSubscriptions subscriptions,
        WebhookIntake intake, IOptions<WebhookOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var sns = options.Value.Sns;
        var logger = loggers.CreateLogger(typeof(SnsEndpoint).FullName!);
        if (sns.Token is not null && !WebhookAuth.TokenMatches(context.Request, sns.Token))
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized",
                "This SNS endpoint requires its token ('?token=' in the subscription URL).");
        }

        var (body, problem) = await RawBody.ReadAsync(context.Request, MaxBody);
        if (problem is not null)
        {
            return problem;
        }

        var (message, invalid) = Parse(body!, context.Request.Headers["x-amz-sns-message-type"].ToString());
        if (invalid is not null)
        {
            return invalid;
        }

        if (sns.AllowedTopicArns is { Length: > 0 } topics && !topics.Contains(message!.TopicArn, StringComparer.Ordinal))
        {
            logger.LogWarning("Refused an SNS message from topic {TopicArn}, which is not allowed", message.TopicArn);
            return Problems.Result(StatusCodes.Status403Forbidden, "Topic not allowed",
                $"Topic '{message.TopicArn}' is not in Webhooks:Sns:AllowedTopicArns.");
        }

        var now = time.GetUtcNow();
        if (await VerifyAsync(message!, certificates, sns, now, ct) is { } refused)
        {
            logger.LogWarning("Refused an SNS message {MessageId}: {Reason}", message!.MessageId, refused);
            return Problems.Result(StatusCodes.Status401Unauthorized, "Invalid signature", refused);
        }

        switch (message!.Type)
        {
            case SnsMessageTypes.SubscriptionConfirmation:
                var notConfirmed = await subscriptions.ConfirmAsync(message, ct);
                return notConfirmed is null
                    ? WebhookIntake.Ignored("Subscription confirmed.")
                    : WebhookIntake.Ignored($"Subscription not confirmed: {notConfirmed}");
            case SnsMessageTypes.UnsubscribeConfirmation:
                logger.LogInformation("SNS unsubscribed this endpoint from {TopicArn}", message.TopicArn);
                return WebhookIntake.Ignored("Unsubscribe confirmation noted.");
        }

        if (CloudWatchAlarmMapper.TryParse(message.Message) is { } alarm)
        {
            var alert = CloudWatchAlarmMapper.Map(alarm, message, sns, now, out var ignored);
            return alert is null ? WebhookIntake.Ignored(ignored!) : await intake.AcceptOneAsync(alert, ct);
        }

        return await intake.AcceptOneAsync(CloudWatchAlarmMapper.MapPlain(message, sns, now), ct);
    }

    private static (SnsMessage? Message, IResult? Problem) Parse(byte[] body, string headerType)
    {
        SnsMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(body, SnsJsonContext.Default.SnsMessage);
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Invalid JSON", $"The body is not an SNS message: {e.Message}"));
        }

        if (message is null || !SnsMessageTypes.IsKnown(message.Type))
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Not an SNS message",
                "'Type' must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation."));
        }

        if (headerType.Length > 0 && headerType != message.Type)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Inconsistent message type",
                $"The x-amz-sns-message-type header says {headerType} but the body is a {message.Type}."));
        }

        return string.IsNullOrEmpty(message.MessageId) || string.IsNullOrEmpty(message.TopicArn)
            ? (null, Problems.Result(StatusCodes.Status400BadRequest, "Not an SNS message", "'MessageId' and 'TopicArn' are required."))
            : (message, null);
    }

    // Null when the message is authentic and fresh, else why not.
    private static async Task<string?> VerifyAsync(
        SnsMessage message, SnsCertificates certificates, SnsOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var signedAt = CloudWatchAlarmMapper.ParseTime(message.Timestamp);
        if (signedAt is null)
        {
            return "'Timestamp' is missing or not a time.";
        }

        if (now - signedAt > options.MaxMessageAge)
        {
            return $"The message was signed at {signedAt:O}, longer ago than Webhooks:Sns:MaxMessageAge ({options.MaxMessageAge}).";
        }

        var (certificate, error) = await certificates.GetAsync(message.SigningCertUrl, ct);
        if (certificate is null)
        {
            return error;
        }

        if (signedAt < certificate.NotBefore.ToUniversalTime() || signedAt > certificate.NotAfter.ToUniversalTime())
        {
            return "The signing certificate was not valid when the message was signed.";
        }

        return SnsSignature.Verify(message, certificate);
    }
}
