using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace IncidentPlatform.Gateway.Intake.Authentication;

/// <summary>
/// Webhooks authenticate through ASP.NET Core like every other endpoint: each source is an authentication scheme
/// (<c>Webhook:Sns</c>, <c>Webhook:Slack</c>…) whose proof is a function of the request, and its endpoint requires a
/// policy on that scheme alone. A new source, or a stricter rule for one (a topic allowlist, a replay window, a user
/// mapping), is a change to that source's proof function and nothing else.
/// </summary>
internal static class WebhookAuthentication
{
    public static string Scheme(string source) => "Webhook:" + source;

    public static AuthenticationBuilder AddWebhook(
        this AuthenticationBuilder authentication, string source, Func<HttpContext, Task<WebhookVerdict>> verify) =>
        authentication.AddScheme<WebhookAuthenticationOptions, WebhookAuthenticationHandler>(Scheme(source), o => o.Verify = verify);

    /// <summary>The endpoint accepts only deliveries proven by <paramref name="source"/>'s scheme.</summary>
    public static TBuilder RequireWebhook<TBuilder>(this TBuilder builder, string source) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(Scheme(source))
            .RequireClaim(WebhookAuthenticationHandler.SourceClaim, Scheme(source)).Build());
}
