using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Request and response helpers: raw JSON in, parsed JSON out (tests see exactly the wire format).</summary>
internal static class Wire
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Alert(string title = "Checkout latency above 2s", string service = "checkout",
        string severity = "high", string? id = null, string source = "my-app") =>
        Body(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["source"] = source, ["title"] = title, ["message"] = "p99 2.4s", ["severity"] = severity,
            ["timestamp"] = "2026-11-21T08:00:00Z", ["service"] = service, ["id"] = id,
            ["labels"] = new Dictionary<string, string> { ["env"] = "prod" },
        }));

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
