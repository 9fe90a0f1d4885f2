using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Gateway.Auth;
using Microsoft.AspNetCore.Authentication;

namespace IncidentPlatform.Gateway.Intake.Authentication;

/// <summary>
/// The proof of the sources that cannot sign: an API key with the <c>write</c> scope (through the gateway's own scheme),
/// or the source's shared token (query <c>token</c>, the <c>X-Webhook-Token</c> header, or a source-specific header such
/// as Firehose's access key), compared in constant time.
/// </summary>
internal static class WebhookCredentials
{
    public const string TokenHeader = "X-Webhook-Token";

    public static async Task<WebhookVerdict> ApiKeyOrTokenAsync(
        HttpContext context, string source, string? configuredToken, string? extraTokenHeader = null)
    {
        if (TokenMatches(context.Request, configuredToken, extraTokenHeader))
        {
            return WebhookVerdict.Accepted;
        }

        var caller = (await context.AuthenticateAsync(AuthExtensions.GatewayScheme)).Principal;
        if (caller?.Identity?.IsAuthenticated == true)
        {
            return caller.Holds(Scopes.Write)
                ? WebhookVerdict.AcceptedAs(caller)
                : WebhookVerdict.Refused(StatusCodes.Status403Forbidden, "Forbidden", "The API key does not have the 'write' scope this webhook needs.");
        }

        var tokenHint = configuredToken is null
            ? $" (no token is configured for {source}: set 'Webhooks:{source}:Token' to allow one)"
            : $", or the token of {source} as '?token=' or the {TokenHeader} header";
        return WebhookVerdict.Refused(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send an API key with the 'write' scope in the {ApiKeyAuthenticationHandler.HeaderName} header or as a bearer token{tokenHint}.");
    }

    public static bool TokenMatches(HttpRequest request, string? configuredToken, string? extraTokenHeader = null)
    {
        if (string.IsNullOrEmpty(configuredToken))
        {
            return false;
        }

        var presented = new[]
        {
            request.Query["token"].ToString(),
            request.Headers[TokenHeader].ToString(),
            extraTokenHeader is null ? "" : request.Headers[extraTokenHeader].ToString(),
        };
        var match = false;
        foreach (var candidate in presented.Where(p => p.Length > 0))
        {
            match |= SecretEquals(candidate, configuredToken);
        }

        return match;
    }

    /// <summary>Compares two secrets in time independent of where they differ (hashes first, so lengths do not show).</summary>
    public static bool SecretEquals(string presented, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
