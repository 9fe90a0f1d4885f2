using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IncidentPlatform.Gateway.Tests.Auth;

/// <summary>
/// OIDC JWT bearer tokens (ASP.NET Core's JwtBearer handler) against a local test issuer: an OpenID discovery document
/// and a JWKS served over loopback, tokens signed in the test with keys the JWKS publishes (or not).
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private const string Audience = "incidentplatform";
    private readonly RSA _key = RSA.Create(2048);
    private FakeHttpServer _authority = null!;
    private GatewayTestHost _host = null!;
    private FakeOwners _fakes = null!;

    private string Issuer => _authority.BaseAddress.ToString().TrimEnd('/');

    public async ValueTask InitializeAsync()
    {
        _authority = await FakeHttpServer.StartAsync();
        _authority
            .On(r => r.Path == "/.well-known/openid-configuration", 200,
                $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{Issuer}}/jwks"}""");
        PublishKeys(("k1", _key));
        (_host, _fakes) = await FakeOwners.StartHostAsync([
            new("Auth:Oidc:Authority", Issuer), new("Auth:Oidc:Audience", Audience), new("Auth:Oidc:RequireHttpsMetadata", "false"),
            new("Auth:Oidc:RoleScopes:oncall", "read,write,approve"),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _authority.DisposeAsync();
        _key.Dispose();
    }

    // Later handlers win: publishing again replaces the key set the authority serves.
    private void PublishKeys(params (string Kid, RSA Key)[] keys) => _authority.On(r => r.Path == "/jwks", 200,
        $$"""{"keys":[{{string.Join(",", keys.Select(k => Jwk(k.Kid, k.Key)))}}]}""");

    private static string Jwk(string kid, RSA key)
    {
        var parameters = key.ExportParameters(false);
        return $$"""{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{kid}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}""";
    }

    private string Token(Dictionary<string, object> claims, string? issuer = null, string audience = Audience,
        DateTime? expires = null, RSA? key = null, string kid = "k1")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer, Audience = audience, Claims = claims, NotBefore = now.AddMinutes(-30),
            IssuedAt = now.AddMinutes(-30), Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = _host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    [Fact]
    public async Task Jwt_WithReadScope_ReadsIncidents()
    {
        using var response = await GetAsync("/api/incidents", Token(new() { ["sub"] = "u-1", ["scope"] = "read openid" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _authority.Requests.ShouldContain(r => r.Path == "/jwks");
    }

    [Fact]
    public async Task Jwt_WithoutWriteScope_IsForbiddenToWrite()
    {
        using var client = _host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new() { ["sub"] = "u-1", ["scp"] = "read" }));

        using var response = await client.PostAsync("/api/alerts", Wire.Alert());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Jwt_RoleMappedToScopes_ActsUnderItsNameOverMcp()
    {
        var token = Token(new() { ["sub"] = "u-2", ["preferred_username"] = "alice", ["roles"] = new[] { "oncall" } });
        var transport = new ModelContextProtocol.Client.HttpClientTransport(new()
        {
            Endpoint = new Uri(_host.Address, "/mcp"), TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        await using var client = await ModelContextProtocol.Client.McpClient.CreateAsync(transport,
            cancellationToken: TestContext.Current.CancellationToken);

        var created = await client.CallAsync("incident_management", new { action = "create", title = "From OIDC" });
        var deleted = await client.CallAsync("incident_management", new { action = "delete", id = "inc-x" });

        created.IsError.ShouldNotBe(true, created.Text());
        deleted.Text().ShouldContain("'alice'");
        deleted.Text().ShouldContain("'admin' scope");
    }

    [Fact]
    public async Task Jwt_Approval_CarriesIssuerAndSubjectAsTheDecidersIdentity()
    {
        _fakes.Decide = d => new RemediationCommandResult { Accepted = true, Remediation = RemediationSamples.Pending(d.RemediationId) };
        using var client = _host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(new() { ["sub"] = "u-7", ["preferred_username"] = "alice", ["roles"] = new[] { "oncall" } }));

        using var response = await client.PostAsync("/api/remediations/rem-oidc/approve", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var sent = _fakes.Of<DecideRemediation>().Single(d => d.RemediationId == "rem-oidc");
        (sent.Actor, sent.ActorId).ShouldBe(("alice", $"oidc:{Issuer}/u-7"));
        sent.Roles.ShouldBe(["oncall"]);
    }

    [Fact]
    public async Task Jwt_WithoutSubject_Answers401SayingSo()
    {
        using var response = await GetAsync("/api/incidents", Token(new() { ["preferred_username"] = "alice", ["scope"] = "read" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadAsync()).GetProperty("detail").GetString()!.ShouldContain("no 'sub'");
    }

    [Fact]
    public async Task Jwt_Invalid_Returns401()
    {
        using var other = RSA.Create(2048);
        string[] tokens =
        [
            Token(new() { ["sub"] = "u", ["scope"] = "read" }, audience: "someone-else"),
            Token(new() { ["sub"] = "u", ["scope"] = "read" }, issuer: "https://evil.example"),
            Token(new() { ["sub"] = "u", ["scope"] = "read" }, expires: DateTime.UtcNow.AddMinutes(-10)),
            Token(new() { ["sub"] = "u", ["scope"] = "read" }, key: other),
            Token(new() { ["sub"] = "u", ["scope"] = "read" }, key: other, kid: "unknown"),
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1Iiwic2NvcGUiOiJyZWFkIn0.",
        ];

        foreach (var token in tokens)
        {
            using var response = await GetAsync("/api/incidents", token);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, token);
        }
    }

    [Fact]
    public async Task Jwt_SignedWithARotatedKey_IsAcceptedOnceTheJwksPublishesIt()
    {
        using var rotated = RSA.Create(2048);
        using (var before = await GetAsync("/api/incidents", Token(new() { ["sub"] = "u-1", ["scope"] = "read" })))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The authority rotates: the new key is published, the old one withdrawn; tokens are now signed with the new key.
        PublishKeys(("k2", rotated));
        var token = Token(new() { ["sub"] = "u-1", ["scope"] = "read" }, key: rotated, kid: "k2");

        // The handler refetches the JWKS when a token names a key it has not seen; the refresh runs in the background,
        // so the request that triggers it may still be refused.
        var status = await Eventually.GetAsync(async () =>
        {
            using var response = await GetAsync("/api/incidents", token);
            return response.StatusCode;
        }, s => s == HttpStatusCode.OK);

        status.ShouldBe(HttpStatusCode.OK);
        _authority.Requests.Count(r => r.Path == "/jwks").ShouldBeGreaterThanOrEqualTo(2);
        using var old = await GetAsync("/api/incidents", Token(new() { ["sub"] = "u-1", ["scope"] = "read" }));
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("audience", "The token is not for this audience.")]
    [InlineData("expired", "The token has expired.")]
    [InlineData("issuer", "The token is from another issuer.")]
    public async Task Jwt_WrongAudienceExpiredOrForeignIssuer_Answers401ProblemSayingWhy(string fault, string detail)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "u-1", ["scope"] = "read" };
        var token = fault switch
        {
            "audience" => Token(claims, audience: "someone-else"),
            "expired" => Token(claims, expires: DateTime.UtcNow.AddMinutes(-10)),
            _ => Token(claims, issuer: "https://evil.example"),
        };

        using var response = await GetAsync("/api/incidents", token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer error=\"invalid_token\"");
        (await response.ReadAsync()).GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task ApiKeys_StillWorkWithOidcOn()
    {
        using var response = await _host.Client(TestKeys.Reader).GetAsync("/api/incidents");
        using var bearer = _host.Client(apiKey: null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Reader);
        using var viaBearer = await bearer.GetAsync("/api/incidents");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaBearer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
