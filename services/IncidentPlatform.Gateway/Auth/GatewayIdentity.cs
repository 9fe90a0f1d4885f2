using System.Security.Claims;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// The one shape of an authenticated caller, whichever scheme proved it (API key, OIDC token, stdio key): a name (the
/// actor in audit trails), an id, one <see cref="Scopes.ClaimType"/> claim per scope held (<c>admin</c> expanded to
/// every scope here, and nowhere else), and roles.
/// </summary>
internal static class GatewayIdentity
{
    public static ClaimsPrincipal Create(string name, string id, IEnumerable<string> scopes, IEnumerable<string> roles, string scheme)
    {
        var held = scopes.Select(s => s.ToLowerInvariant()).Where(Scopes.All.Contains).ToHashSet();
        if (held.Contains(Scopes.Admin))
        {
            held.UnionWith(Scopes.All);
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, id) };
        claims.AddRange(Scopes.All.Where(held.Contains).Select(s => new Claim(Scopes.ClaimType, s)));
        claims.AddRange(roles.Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller's name, recorded as the actor.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static bool Holds(this ClaimsPrincipal user, string scope) => user.HasClaim(Scopes.ClaimType, scope);

    /// <summary>What a caller lacking <paramref name="scope"/> is told (MCP tool errors and 403 details).</summary>
    public static string MissingScope(this ClaimsPrincipal user, string scope)
    {
        var held = user.FindAll(Scopes.ClaimType).Select(c => c.Value).ToList();
        return $"Forbidden: this needs the '{scope}' scope; the credential '{user.Identity?.Name}' has " +
               $"{(held.Count == 0 ? "no scopes" : string.Join(", ", held))}. Ask an administrator for a key with '{scope}'.";
    }
}
