using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Auth.Oidc;

/// <summary>Authenticates <c>Authorization: Bearer &lt;JWT&gt;</c> with the <see cref="OidcTokenValidator"/>.</summary>
internal sealed class OidcAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OidcTokenValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Oidc";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiKeyAuthenticationHandler.PresentedKey(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (principal, error) = await validator.ValidateAsync(token, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail(error!)
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized", "The bearer token is not valid.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "The token does not grant the scope this operation needs.");
}
