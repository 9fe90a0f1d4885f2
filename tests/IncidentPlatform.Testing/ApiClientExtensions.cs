using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentPlatform.Testing;

/// <summary>Talking to a running gateway the way a user does: an API key on every request, JSON back.</summary>
public static class ApiClientExtensions
{
    /// <summary>Sends <paramref name="key"/> as <c>X-Api-Key</c> on every request of <paramref name="client"/>.</summary>
    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The response's body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> response) =>
        await (await response).Content.ReadFromJsonAsync<JsonElement>();
}
