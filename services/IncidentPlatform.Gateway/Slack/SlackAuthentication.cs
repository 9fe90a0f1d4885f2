using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// The proof of a Slack interaction (scheme <c>Webhook:Slack</c>): Slack's v0 request signature over the raw body, within
/// the replay window. Without a signing secret the endpoint is off and says what to configure (404).
/// </summary>
internal static class SlackAuthentication
{
    public const string Source = "Slack";
    public const int MaxBody = 1024 * 1024;

    public static async Task<WebhookVerdict> VerifyAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            return WebhookVerdict.Refused(StatusCodes.Status404NotFound, "Not configured",
                $"Slack interactivity is off: set '{SlackOptions.Section}:SigningSecret' to the Slack app's signing secret.");
        }

        var (body, problem) = await RawBody.ReadAsync(context.Request, MaxBody, allowEmpty: true);
        if (problem is not null)
        {
            return WebhookVerdict.Refused(problem);
        }

        var request = context.Request;
        var refusal = SlackSignature.Verify(options.SigningSecret, request.Headers[SlackSignature.TimestampHeader],
            request.Headers[SlackSignature.SignatureHeader], body, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            options.ReplayWindow);
        if (refusal is null)
        {
            return WebhookVerdict.Accepted;
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackAuthentication))
            .LogWarning("Slack interaction refused: {Reason}", refusal);
        return WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Unauthorized", refusal);
    }
}
