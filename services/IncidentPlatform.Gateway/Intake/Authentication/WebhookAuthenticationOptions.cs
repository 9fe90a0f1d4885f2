using Microsoft.AspNetCore.Authentication;

namespace IncidentPlatform.Gateway.Intake.Authentication;

/// <summary>One webhook source's scheme: how its deliveries are proven (set by <see cref="WebhookAuthentication.AddWebhook"/>).</summary>
internal sealed class WebhookAuthenticationOptions : AuthenticationSchemeOptions
{
    public Func<HttpContext, Task<WebhookVerdict>> Verify { get; set; } =
        _ => Task.FromResult(WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Unauthorized", "This webhook accepts nothing."));
}
