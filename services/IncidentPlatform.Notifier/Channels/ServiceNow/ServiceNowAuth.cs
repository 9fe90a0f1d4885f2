using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.ServiceNow;

/// <summary>
/// The Authorization header of every Table API call: basic auth (<c>Username</c>/<c>Password</c>) or an OAuth access
/// token from the instance's <c>/oauth_token.do</c> (client credentials grant), kept until a minute before it expires
/// or until the instance refuses it.
/// </summary>
internal sealed class ServiceNowAuth(ChannelOptions options, IHttpClientFactory http, TimeProvider time)
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _token;

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(options.ClientId);

    /// <summary>The header, or the failure of the token request.</summary>
    public async Task<(SendResult? Failure, AuthenticationHeaderValue? Header)> HeaderAsync(CancellationToken cancellationToken)
    {
        if (!UsesOAuth)
        {
            return (null, new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"))));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } cached && time.GetUtcNow() < cached.Expires)
            {
                return (null, new AuthenticationHeaderValue("Bearer", cached.Token));
            }

            var (failure, token, lifetime) = await RequestTokenAsync(cancellationToken);
            if (token is null)
            {
                return (failure, null);
            }

            _token = (token, time.GetUtcNow() + (lifetime > ExpiryMargin ? lifetime - ExpiryMargin : TimeSpan.Zero));
            return (null, new AuthenticationHeaderValue("Bearer", token));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token after the instance answered 401 (revoked, or expired early).</summary>
    public void Invalidate() => _token = null;

    private async Task<(SendResult? Failure, string? Token, TimeSpan Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ServiceNowApi.Resolve(options, "oauth_token.do"))
        {
            Content = new FormUrlEncodedContent(
            [
                KeyValuePair.Create("grant_type", "client_credentials"),
                KeyValuePair.Create("client_id", options.ClientId ?? ""),
                KeyValuePair.Create("client_secret", options.ClientSecret ?? ""),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (result, _, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        if (!result.Success)
        {
            return (result.In("ServiceNow token request"), null, default);
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var seconds = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var s) ? s : 0;
            return token is null
                ? (SendResult.Permanent("ServiceNow token request: no access_token in the answer"), null, default)
                : (null, token, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException)
        {
            return (SendResult.Transient($"ServiceNow token request: not JSON: {VendorHttp.Snippet(text)}"), null, default);
        }
    }
}
