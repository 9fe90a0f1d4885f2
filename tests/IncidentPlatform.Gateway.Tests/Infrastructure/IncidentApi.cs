using System.Text.Json;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Reads incidents through the REST API, waiting for the detector to have correlated what was posted.</summary>
internal static class IncidentApi
{
    /// <summary>Waits until the listing holds <paramref name="count"/> incidents (and, if given, they satisfy <paramref name="done"/>).</summary>
    public static async Task<JsonElement[]> WaitForAsync(HttpClient client, int count, Func<JsonElement[], bool>? done = null,
        string query = "")
    {
        var list = await Eventually.GetAsync(
            async () => (await (await client.GetAsync($"/api/incidents?pageSize=100{query}")).ReadAsync()).GetProperty("items")
                .EnumerateArray().ToArray(),
            items => items.Length == count && (done?.Invoke(items) ?? true));
        return list;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/incidents/{id}")).ReadAsync();
}
