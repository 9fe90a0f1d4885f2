using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>Authentication and scope policies shared by MCP, REST and the UI: nothing but health is anonymous.</summary>
internal static class AuthExtensions
{
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
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddScopePolicies();
        return builder;
    }

    private static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(Scopes.Policy(scope), p => p.RequireAuthenticatedUser().RequireClaim(Scopes.ClaimType, scope));
        }

        return authorization;
    }

    /// <summary>Requires <paramref name="scope"/> on the endpoint(s).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Scopes.Policy(scope));
}
