using System.Security.Claims;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// The one shape of an authenticated caller, whichever scheme proved it (API key, OIDC token, stdio key): a name (the
/// actor in audit trails), a stable id prefixed by how it was proven (<see cref="ApiKeyId"/>, <see cref="OidcId"/>,
/// <see cref="SlackId"/>: what decisions carry as <see cref="DecideRemediation.ActorId"/>, so that people are told apart
/// by who proved what, never by display names), one <see cref="Scopes.ClaimType"/> claim per scope held (<c>admin</c>
/// expanded to every scope here, and nowhere else), and roles.
/// </summary>
internal static class GatewayIdentity
{
    /// <summary>The identity of an API key (over HTTP or stdio): <c>key:&lt;name&gt;</c>.</summary>
    public static string ApiKeyId(string keyName) => "key:" + keyName;

    /// <summary>The identity of an OIDC subject: <c>oidc:&lt;issuer&gt;/&lt;sub&gt;</c> (a subject is unique only within its issuer).</summary>
    public static string OidcId(string issuer, string subject) => $"oidc:{issuer}/{subject}";

    /// <summary>The identity of a Slack user: <c>slack:&lt;team id&gt;/&lt;user id&gt;</c>.</summary>
    public static string SlackId(string teamId, string userId) => $"slack:{teamId}/{userId}";

    /// <param name="name">The display name, recorded as the actor.</param>
    /// <param name="id">The stable, prefixed identity.</param>
    /// <param name="scopes">The scopes held, as configured or granted.</param>
    /// <param name="roles">The approver roles.</param>
    /// <param name="scheme">The authentication scheme that proved it.</param>
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

    /// <summary>The caller's stable, prefixed identity (<c>key:…</c>, <c>oidc:…</c>), or null for a caller without one.</summary>
    public static string? ActorId(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The caller's roles, as decisions carry them.</summary>
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    public static bool Holds(this ClaimsPrincipal user, string scope) => user.HasClaim(Scopes.ClaimType, scope);

    /// <summary>What a caller lacking <paramref name="scope"/> is told (MCP tool errors and 403 details).</summary>
    public static string MissingScope(this ClaimsPrincipal user, string scope)
    {
        var held = user.FindAll(Scopes.ClaimType).Select(c => c.Value).ToList();
        return $"Forbidden: this needs the '{scope}' scope; the credential '{user.Identity?.Name}' has " +
               $"{(held.Count == 0 ? "no scopes" : string.Join(", ", held))}. Ask an administrator for a key with '{scope}'.";
    }
}
