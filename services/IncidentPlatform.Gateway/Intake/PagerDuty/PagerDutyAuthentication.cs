using IncidentPlatform.Gateway.Intake.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// The proof of a PagerDuty delivery (scheme <c>Webhook:PagerDuty</c>): with signing secrets configured, a matching
/// <c>X-PagerDuty-Signature</c> over the raw body and nothing else (an API key is not enough); without, an API key with
/// <c>write</c> or the source token.
/// </summary>
internal static class PagerDutyAuthentication
{
    public const string Source = "PagerDuty";
    public const int MaxBody = 256 * 1024;

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

        return PagerDutySignature.Verify(body!, context.Request.Headers[PagerDutySignature.Header], secrets)
            ? WebhookVerdict.Accepted
            : WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Invalid signature",
                $"The {PagerDutySignature.Header} header has no v1 signature matching a configured signing secret.");
    }
}
