using System.Text;
using System.Text.Json;
using IncidentPlatform.Testing;

namespace IncidentPlatform.SystemTests;

/// <summary>HTTP helpers for talking to a gateway process the way a user would.</summary>
internal static class SystemHttp
{
    public static StringContent Alert(string service, string title, string severity = "high", string? id = null) =>
        new(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["source"] = "system-test", ["title"] = title, ["message"] = "p99 above 2s", ["severity"] = severity,
            ["timestamp"] = DateTimeOffset.UtcNow, ["service"] = service, ["id"] = id,
        }), Encoding.UTF8, "application/json");

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds (effects travel over the broker).</summary>
    public static Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, int seconds = 60) =>
        Eventually.GetAsync(read, done, timeout: TimeSpan.FromSeconds(seconds));
}
