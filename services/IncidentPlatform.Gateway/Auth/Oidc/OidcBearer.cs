using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace IncidentPlatform.Gateway.Auth.Oidc;

/// <summary>
/// OIDC bearer tokens through ASP.NET Core's JwtBearer handler: the issuer and its signing keys come from the
/// authority's discovery document (refreshed by the handler, and at once when a token names a key it has not seen, so
/// rotated keys are picked up); audience, lifetime (two minutes of clock skew) and signature are checked by it. We add
/// the mapping of the token's claims to the gateway's identity, problem-details answers, and one setting: the library's
/// "last known good" configuration is off, so a key the authority withdraws (say, after a compromise) stops validating at
/// the next refresh instead of for up to an hour more.
/// </summary>
internal static class OidcBearer
{
    public const string SchemeName = "Oidc";
    private const string NoSubject = "The token has no 'sub' or 'iss' claim: the gateway needs both to tell people apart.";

    public static AuthenticationBuilder AddOidcBearer(this AuthenticationBuilder authentication, OidcOptions oidc)
    {
        authentication.AddJwtBearer(SchemeName, jwt =>
        {
            jwt.Authority = oidc.Authority;
            jwt.Audience = oidc.Audience;
            jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (OidcClaims.Map(context.Principal!, oidc) is { } identity)
                    {
                        context.Principal = identity;
                    }
                    else
                    {
                        context.Fail(new SecurityTokenValidationException(NoSubject));
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = context.Error is null ? "Bearer" : $"Bearer error=\"{context.Error}\"";
                    return Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", Why(context.AuthenticateFailure));
                },
                OnForbidden = context => Problems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                    "The token does not grant the scope this operation needs."),
            };
        });

        // After the handler's own post-configuration, which creates the configuration manager.
        authentication.Services.PostConfigure<JwtBearerOptions>(SchemeName, jwt =>
        {
            if (jwt.ConfigurationManager is BaseConfigurationManager configuration)
            {
                configuration.UseLastKnownGoodConfiguration = false;
            }
        });
        return authentication;
    }

    /// <summary>True for a compact JWS (three base64url parts, a JSON header first): such bearer tokens go to OIDC.</summary>
    public static bool LooksLikeJwt(string token) =>
        token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2;

    private static string Why(Exception? failure) => failure switch
    {
        null => "Send a bearer token from the configured OIDC authority.",
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenInvalidAudienceException => "The token is not for this audience.",
        SecurityTokenInvalidIssuerException => "The token is from another issuer.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key the authority does not publish (yet).",
        SecurityTokenValidationException { Message: NoSubject } => NoSubject,
        _ => "The bearer token is not valid.",
    };
}
