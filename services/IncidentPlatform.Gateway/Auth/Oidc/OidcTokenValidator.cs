using System.Security.Claims;
using IncidentPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentPlatform.Gateway.Auth.Oidc;

/// <summary>
/// Validates signed JWTs (JWS) against the authority's discovery document and JWKS (cached, refreshed when a token
/// names an unknown key), checking issuer, audience, lifetime and signature, and maps them to the gateway's identity:
/// a name (the actor), scopes from <c>scope</c>/<c>scp</c> or the role mapping, and roles.
/// </summary>
internal sealed class OidcTokenValidator
{
    // Encrypted tokens (JWE) and oversized tokens are refused before parsing: this library version decompresses JWE
    // payloads without a bound (CVE-2024-21319), and we accept signed tokens only.
    public const int MaxTokenLength = 16 * 1024;

    private readonly OidcOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly JsonWebTokenHandler _handler = new();

    public OidcTokenValidator(IOptions<OidcOptions> options, IHttpClientFactory http)
    {
        _options = options.Value;
        var client = http.CreateClient(nameof(OidcTokenValidator));
        var address = _options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(client) { RequireHttps = _options.RequireHttpsMetadata });
    }

    /// <summary>True for a compact JWS: three base64url parts, the first a JSON header.</summary>
    public static bool LooksLikeJwt(string token) =>
        token.Length <= MaxTokenLength && token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2;

    public async Task<(ClaimsPrincipal? Principal, string? Error)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeJwt(token))
        {
            return (null, "Only signed JWTs (JWS) are accepted.");
        }

        var result = await ValidateOnceAsync(token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _configuration.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken);
        }

        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenInvalidAudienceException => "The token is not for this audience.",
                SecurityTokenInvalidIssuerException => "The token is from another issuer.",
                _ => "The token is not valid.",
            });
        }

        return (Map(result.ClaimsIdentity), null);
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return new TokenValidationResult { IsValid = false, Exception = e };
        }

        return _handler.ValidateToken(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
    }

    private ClaimsPrincipal Map(ClaimsIdentity token)
    {
        string? Claim(string type) => token.FindFirst(type)?.Value;
        var name = (_options.NameClaim is { } nameClaim ? Claim(nameClaim) : null)
            ?? Claim("preferred_username") ?? Claim("email") ?? Claim("sub") ?? "unknown";
        var roles = token.FindAll("roles").Concat(token.FindAll("role")).Concat(token.FindAll(ClaimTypes.Role))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var scopes = token.FindAll("scope").Concat(token.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(roles.SelectMany(r => _options.RoleScopes.TryGetValue(r, out var mapped)
                ? mapped.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []))
            .Select(s => s.ToLowerInvariant())
            .Where(Scopes.All.Contains)
            .ToHashSet();
        if (scopes.Contains(Scopes.Admin))
        {
            scopes.UnionWith(Scopes.All);
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, Claim("sub") ?? name) };
        claims.AddRange(scopes.Select(s => new Claim(Scopes.ClaimType, s)));
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, OidcAuthenticationHandler.SchemeName));
    }
}
