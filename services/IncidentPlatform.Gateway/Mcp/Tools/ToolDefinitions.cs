using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>Builds tool definitions from a JSON Schema text (kept literal in each tool, so it reads as it is sent).</summary>
internal static class ToolDefinitions
{
    public static Tool Create(string name, string title, string description, string inputSchema, ToolAnnotations annotations)
    {
        using var schema = JsonDocument.Parse(inputSchema);
        return new Tool
        {
            Name = name,
            Title = title,
            Description = description,
            InputSchema = schema.RootElement.Clone(),
            Annotations = annotations,
        };
    }

    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low", "info"];
}
