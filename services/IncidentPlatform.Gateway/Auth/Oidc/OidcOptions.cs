namespace IncidentPlatform.Gateway.Auth.Oidc;

/// <summary>
/// <c>Auth:Oidc</c>: optional JWT bearer tokens from an OpenID Connect provider, next to API keys. Off unless
/// <see cref="Authority"/> is set.
/// </summary>
internal sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The issuer URL; its <c>/.well-known/openid-configuration</c> names the JWKS (e.g. https://login.example.com/realms/ops).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry (<c>aud</c>), e.g. <c>incidentplatform</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Fetch the discovery document and keys over HTTPS only (default true; false only for local tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim used as the actor name (default: preferred_username, then email, then sub).</summary>
    public string? NameClaim { get; set; }

    /// <summary>Scopes granted per role (<c>Auth:Oidc:RoleScopes:oncall = read,write,approve</c>), for providers without scope claims.</summary>
    public Dictionary<string, string> RoleScopes { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
