using System.Security.Claims;

namespace IncidentPlatform.Gateway.Auth.Oidc;

/// <summary>
/// A validated token's claims as the gateway's identity: the name from <see cref="OidcOptions.NameClaim"/> (else
/// preferred_username, email, sub), the id <c>oidc:&lt;iss&gt;/&lt;sub&gt;</c>, scopes from <c>scope</c>/<c>scp</c> and
/// from <see cref="OidcOptions.RoleScopes"/> for the token's roles (<c>roles</c>/<c>role</c>).
/// </summary>
internal static class OidcClaims
{
    /// <summary>The identity, or null when the token names no subject or issuer (nothing stable to tell people apart by).</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal token, OidcOptions options)
    {
        string? Claim(string type) => token.FindFirst(type)?.Value;
        IEnumerable<string> Words(params string[] types) => types.SelectMany(token.FindAll)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var name = (options.NameClaim is { } nameClaim ? Claim(nameClaim) : null)
            ?? Claim("preferred_username") ?? Claim("email") ?? Claim("sub") ?? "unknown";
        var roles = Words("roles", "role").Distinct().ToList();
        var scopes = Words("scope", "scp").Concat(roles.SelectMany(r => options.RoleScopes.TryGetValue(r, out var mapped)
            ? mapped.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : []));
        return Claim("sub") is { Length: > 0 } subject && Claim("iss") is { Length: > 0 } issuer
            ? GatewayIdentity.Create(name, GatewayIdentity.OidcId(issuer, subject), scopes, roles, OidcBearer.SchemeName)
            : null;
    }
}
