using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>
/// <c>POST /api/alerts/sns</c>: Amazon SNS HTTP(S) deliveries, proven by <see cref="SnsAuthentication"/>. Notifications
/// become alerts (CloudWatch alarms unwrapped, OK resolving); subscription confirmations are confirmed when configured
/// to; unsubscribe confirmations are acknowledged.
/// </summary>
internal static class SnsEndpoint
{
    public static IEndpointRouteBuilder MapSnsWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts/sns", HandleAsync)
            .RequireWebhook(SnsAuthentication.Source)
            .WithName("PostSnsAlert")
            .WithSummary("Accept an Amazon SNS delivery (CloudWatch alarms, any notification); SNS-signed.");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, SnsSubscriptions subscriptions, WebhookIntake intake,
        IOptions<WebhookOptions> options, TimeProvider time, ILogger<SnsSubscriptions> logger, CancellationToken ct)
    {
        var message = SnsAuthentication.Verified(context);
        var sns = options.Value.Sns;
        switch (message.Type)
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

        var now = time.GetUtcNow();
        if (CloudWatchAlarmMapper.TryParse(message.Message) is { } alarm)
        {
            var alert = CloudWatchAlarmMapper.Map(alarm, message, sns, now, out var ignored);
            return alert is null ? WebhookIntake.Ignored(ignored!) : await intake.AcceptOneAsync(alert);
        }

        return await intake.AcceptOneAsync(CloudWatchAlarmMapper.MapPlain(message, sns, now));
    }
}
