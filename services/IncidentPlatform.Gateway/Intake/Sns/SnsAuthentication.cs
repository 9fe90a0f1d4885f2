using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// The proof of an SNS delivery (scheme <c>Webhook:Sns</c>): the source token when one is configured, then the message
/// itself — well formed, from an allowed topic, signed by SNS with a certificate from an SNS host, and fresh. Without a
/// topic allowlist or a token the endpoint is off (404 saying what to configure). The verified message is handed to the
/// endpoint (<see cref="Verified"/>), so it is parsed once.
/// </summary>
internal static class SnsAuthentication
{
    public const string Source = "Sns";
    public const int MaxBody = 512 * 1024;

    public static SnsMessage Verified(HttpContext context) => context.Features.GetRequiredFeature<SnsMessage>();

    public static async Task<WebhookVerdict> VerifyAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var sns = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Sns;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SnsAuthentication).FullName!);
        if (!sns.Enabled)
        {
            return WebhookVerdict.Refused(StatusCodes.Status404NotFound, "Not configured",
                "SNS intake is off: SNS signs messages for anyone's topic, so set 'Webhooks:Sns:AllowedTopicArns' to the topics " +
                "that may deliver here (or a 'Webhooks:Sns:Token' to put in the subscription URL).");
        }

        if (sns.Token is not null && !WebhookCredentials.TokenMatches(context.Request, sns.Token))
        {
            return WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Unauthorized",
                "This SNS endpoint requires its token ('?token=' in the subscription URL).");
        }

        var (message, invalid) = await ReadAsync(context.Request);
        if (invalid is not null)
        {
            return WebhookVerdict.Refused(invalid);
        }

        if (sns.AllowedTopicArns is { Length: > 0 } topics && !topics.Contains(message!.TopicArn, StringComparer.Ordinal))
        {
            logger.LogWarning("Refused an SNS message from topic {TopicArn}, which is not allowed", message.TopicArn);
            return WebhookVerdict.Refused(StatusCodes.Status403Forbidden, "Topic not allowed",
                $"Topic '{message.TopicArn}' is not in Webhooks:Sns:AllowedTopicArns.");
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await CheckSignatureAsync(message!, services.GetRequiredService<SnsCertificates>(), sns, now, context.RequestAborted) is { } refused)
        {
            logger.LogWarning("Refused an SNS message {MessageId}: {Reason}", message!.MessageId, refused);
            return WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Invalid signature", refused);
        }

        context.Features.Set(message);
        return WebhookVerdict.Accepted;
    }

    private static async Task<(SnsMessage? Message, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        var (message, problem) = await JsonBody.ReadAnyAsync(request, SnsJsonContext.Default.SnsMessage, MaxBody, "an SNS message");
        var headerType = request.Headers["x-amz-sns-message-type"].ToString();
        if (problem is not null)
        {
            return (null, problem);
        }

        if (!SnsMessageTypes.IsKnown(message!.Type))
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
    private static async Task<string?> CheckSignatureAsync(
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

        return SnsSignature.Verify(message, certificate, options.AllowSignatureVersion1);
    }
}
