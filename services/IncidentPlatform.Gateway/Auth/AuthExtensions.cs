using IncidentPlatform.Gateway.Auth.Oidc;
using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// Authentication and scope policies shared by MCP, REST and the UI: API keys and (optionally) OIDC bearer tokens as
/// two schemes behind one default, a policy per scope, and a fallback policy so that nothing but health is anonymous.
/// </summary>
internal static class AuthExtensions
{
    /// <summary>The default scheme: an OIDC JWT when one is presented as a bearer token (and OIDC is on), else an API key.</summary>
    public const string GatewayScheme = "Gateway";

    public static IHostApplicationBuilder AddGatewayAuth(this IHostApplicationBuilder builder)
    {
        var registry = ApiKeyRegistry.FromConfiguration(builder.Configuration);
        if (registry.Count == 0)
        {
            throw new ConfigurationException(
                $"'{ApiKeyRegistry.Section}' is empty: configure at least one key, e.g. the environment variables " +
                "Auth__ApiKeys__admin__Key=<random secret> and Auth__ApiKeys__admin__Scopes=read,write,approve,admin.");
        }

        builder.Services.AddSingleton(registry);
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        var authentication = builder.Services.AddAuthentication(GatewayScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(GatewayScheme, "API key or OIDC token", o => o.ForwardDefaultSelector = context =>
                oidc.Enabled && context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].Count == 0 &&
                ApiKeyAuthenticationHandler.PresentedKey(context.Request) is { } token && OidcBearer.LooksLikeJwt(token)
                    ? OidcBearer.SchemeName
                    : ApiKeyAuthenticationHandler.SchemeName);
        if (oidc.Enabled)
        {
            if (string.IsNullOrWhiteSpace(oidc.Audience) || !Uri.TryCreate(oidc.Authority, UriKind.Absolute, out _))
            {
                throw new ConfigurationException(
                    $"'{OidcOptions.Section}:Authority' must be an absolute URL and '{OidcOptions.Section}:Audience' is required with it.");
            }

            authentication.AddOidcBearer(oidc);
        }

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(Scopes.Policy(scope), p => p.RequireAuthenticatedUser().RequireClaim(Scopes.ClaimType, scope));
        }

        return builder;
    }

    /// <summary>Requires <paramref name="scope"/> on the endpoint(s).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Scopes.Policy(scope));
}
