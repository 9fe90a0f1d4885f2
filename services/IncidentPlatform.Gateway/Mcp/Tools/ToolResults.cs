using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Tool results: <c>structuredContent</c> plus a text block (a one-line summary, then the same JSON for clients that
/// only read text), or an error result (<c>isError</c>) the model can act on.
/// </summary>
internal static class ToolResults
{
    /// <summary>The longest text block a result carries; structured content is bounded by the tools themselves.</summary>
    public const int MaxText = 24_000;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static CallToolResult Success(string summary, JsonObject structured)
    {
        var json = structured.ToJsonString(Compact);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = TextLimits.Truncate($"{summary}\n\n{json}", MaxText) }],
            StructuredContent = JsonSerializer.SerializeToElement(structured, Compact),
        };
    }

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
