using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>Calling tools with the SDK client and reading their results.</summary>
internal static class McpCalls
{
    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments) =>
        client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments)),
            cancellationToken: TestContext.Current.CancellationToken).AsTask();

    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static JsonElement Structured(this CallToolResult result)
    {
        result.IsError.ShouldNotBe(true, result.Text());
        return result.StructuredContent!.Value;
    }
}
