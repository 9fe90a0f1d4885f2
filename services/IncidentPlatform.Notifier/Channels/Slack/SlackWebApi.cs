using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.Slack;

/// <summary>
/// The Slack Web API methods the bot uses. Slack answers most errors with HTTP 200 and <c>{"ok": false, "error": …}</c>:
/// those become failures here, transient for Slack's own outages and rate limits, permanent otherwise.
/// </summary>
internal sealed class SlackWebApi(ChannelOptions options, IHttpClientFactory http)
{
    public const string DefaultBaseUrl = "https://slack.com/api/";

    private static readonly HashSet<string> TransientErrors =
        ["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    /// <summary>Calls <paramref name="method"/> (<c>chat.postMessage</c>…); on success returns the response's <c>ts</c>.</summary>
    public async Task<(SendResult Result, string? Ts, string? Channel)> CallAsync(
        string method, JsonObject body, CancellationToken cancellationToken)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.BaseUrl) ? DefaultBaseUrl : options.BaseUrl;
        var uri = new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), method);
        var request = VendorHttp.Json(HttpMethod.Post, uri, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        var (result, _, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        if (!result.Success)
        {
            return (result, null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return (SendResult.Delivered(), Text(root, "ts"), Text(root, "channel"));
            }

            var error = Text(root, "error") ?? "unknown_error";
            var message = $"Slack {method}: {error}";
            return (TransientErrors.Contains(error) ? SendResult.Transient(message) : SendResult.Permanent(message), null, null);
        }
        catch (JsonException)
        {
            return (SendResult.Transient($"Slack {method}: not JSON: {VendorHttp.Snippet(text)}"), null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
