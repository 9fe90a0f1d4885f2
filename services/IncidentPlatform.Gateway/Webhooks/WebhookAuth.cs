using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Gateway.Auth;

namespace IncidentPlatform.Gateway.Webhooks;

/// <summary>
/// Who may call a webhook: an API key with the <c>write</c> scope, or the source's shared token (query <c>token</c>, the
/// <c>X-Webhook-Token</c> header, or a source-specific header such as Firehose's access key). Signatures (SNS,
/// PagerDuty) are checked by their endpoints. There is no unauthenticated path.
/// </summary>
internal static class WebhookAuth
{
    public const string TokenHeader = "X-Webhook-Token";

    /// <summary>Null when the caller may proceed, else the 401/403 problem to answer.</summary>
    public static IResult? Check(HttpContext context, string? configuredToken, string source, string? extraTokenHeader = null)
    {
        if (HasWriteKey(context) || TokenMatches(context.Request, configuredToken, extraTokenHeader))
        {
            return null;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                "The API key does not have the 'write' scope this webhook needs.");
        }

        var tokenHint = configuredToken is null
            ? $" (no token is configured for {source}: set 'Webhooks:{source}:Token' to allow one)"
            : $", or the token of {source} as '?token=' or the {TokenHeader} header";
        return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send an API key with the 'write' scope in the {ApiKeyAuthenticationHandler.HeaderName} header or as a bearer token{tokenHint}.");
    }

    public static bool HasWriteKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(Scopes.ClaimType, Scopes.Write);

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
