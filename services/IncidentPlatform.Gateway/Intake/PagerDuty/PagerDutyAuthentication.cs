using System.Text.Json;
using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// The proof of a PagerDuty delivery (scheme <c>Webhook:PagerDuty</c>): with signing secrets configured, a matching
/// <c>X-PagerDuty-Signature</c> over the raw body and nothing else (an API key is not enough), for an event that occurred
/// within the replay window (retries inside it are dropped by event id, as every sender's are); without, an API key with
/// <c>write</c> or the source token.
/// </summary>
internal static class PagerDutyAuthentication
{
    public const string Source = "PagerDuty";
    public const int MaxBody = 256 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<WebhookVerdict> VerifyAsync(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.PagerDuty;
        var secrets = settings.SigningSecrets ?? [];
        if (secrets.Length == 0)
        {
            return await WebhookCredentials.ApiKeyOrTokenAsync(context, Source, settings.Token);
        }

        var (body, problem) = await RawBody.ReadAsync(context.Request, MaxBody);
        if (problem is not null)
        {
            return WebhookVerdict.Refused(problem);
        }

        if (!PagerDutySignature.Verify(body!, context.Request.Headers[PagerDutySignature.Header], secrets))
        {
            return WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Invalid signature",
                $"The {PagerDutySignature.Header} header has no v1 signature matching a configured signing secret.");
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return Stale(body!, now, settings.ReplayWindow) is { } refusal ? WebhookVerdict.Refused(refusal) : WebhookVerdict.Accepted;
    }

    // A signed body can be replayed by whoever saw it: its event must have occurred within the window. Null when fresh,
    // or when the body is not a webhook at all (the endpoint answers that).
    private static IResult? Stale(byte[] body, DateTimeOffset now, TimeSpan window)
    {
        PagerDutyWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize(body, PagerDutyJsonContext.Default.PagerDutyWebhook);
        }
        catch (JsonException)
        {
            return null;
        }

        if (webhook?.Event is not { } item)
        {
            return null;
        }

        if (item.OccurredAt is not { } occurredAt)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["event.occurred_at"] = ["Required: a signed delivery must say when its event occurred (the replay window)."],
            });
        }

        return occurredAt < now - window || occurredAt > now + ClockSkew
            ? Problems.Result(StatusCodes.Status401Unauthorized, "Outside the replay window",
                $"The event occurred at {occurredAt:O}, outside Webhooks:PagerDuty:ReplayWindow ({window}) of now: a replay, or a clock off.")
            : null;
    }
}
