using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.Grafana;

/// <summary>
/// The Grafana annotations HTTP API calls the channel makes (find by tags, create, patch), with a service-account token
/// as the bearer token.
/// </summary>
internal sealed class GrafanaApi(ChannelOptions options, IHttpClientFactory http)
{
    /// <summary><c>GET /api/annotations?tags=…&amp;tags=…</c> (every tag must match): the annotation's id, if one exists.</summary>
    public async Task<(SendResult Result, long? Id)> FindAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        var query = string.Join("&", tags.Select(t => "tags=" + Uri.EscapeDataString(t)));
        var (result, text) = await SendAsync(HttpMethod.Get, $"api/annotations?type=annotation&{query}&limit=1", null, cancellationToken);
        if (!result.Success)
        {
            return (result, null);
        }

        // Creating on an answer we cannot read could make a second annotation: only an empty list means "none".
        var list = VendorHttp.ParseJson(text);
        return list is { ValueKind: JsonValueKind.Array }
            ? (result, list.Value.EnumerateArray().Select(Id).FirstOrDefault(id => id is not null))
            : (SendResult.Transient("Grafana: the annotation lookup answered without a list"), null);
    }

    /// <summary><c>POST /api/annotations</c>; returns the new annotation's id.</summary>
    public async Task<(SendResult Result, long? Id)> CreateAsync(JsonObject annotation, CancellationToken cancellationToken)
    {
        var (result, text) = await SendAsync(HttpMethod.Post, "api/annotations", annotation, cancellationToken);
        var id = result.Success && VendorHttp.ParseJson(text) is { } answer ? Id(answer) : null;
        return result.Success && id is null ? (SendResult.Permanent("Grafana added an annotation but returned no id"), null) : (result, id);
    }

    /// <summary><c>PATCH /api/annotations/{id}</c>: only the given properties change.</summary>
    public async Task<SendResult> PatchAsync(long id, JsonObject changes, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Patch, $"api/annotations/{id.ToString(CultureInfo.InvariantCulture)}", changes, cancellationToken)).Result;

    private async Task<(SendResult Result, string Text)> SendAsync(
        HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(options.Url!.EndsWith('/') ? options.Url : options.Url + "/"), relative);
        var request = body is null ? new HttpRequestMessage(method, uri) : VendorHttp.Json(method, uri, body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (result, _, text) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return (result.In("Grafana"), text);
    }


    private static long? Id(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;
}
