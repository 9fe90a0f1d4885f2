using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// From the 2026-07-28 revision on, a POST names its JSON-RPC method in <c>Mcp-Method</c> (and the tool, prompt or
/// resource in <c>Mcp-Name</c>) so intermediaries can route and authorize on headers; they must match the body.
/// </summary>
internal static class McpStandardHeaders
{
    /// <summary>Null when the headers are fine, otherwise what is wrong.</summary>
    public static string? Check(HttpRequest request, JsonRpcMessage message, string version)
    {
        if (version.Length == 0 || string.CompareOrdinal(version, McpJsonRpc.StandardHeadersSince) < 0)
        {
            return null;
        }

        var (method, parameters) = message switch
        {
            JsonRpcRequest r => (r.Method, r.Params),
            JsonRpcNotification n => (n.Method, n.Params),
            _ => (null, null),
        };
        if (method is null)
        {
            return null;
        }

        if (!request.Headers.TryGetValue(McpHeaders.Method, out var header))
        {
            return "Missing required Mcp-Method header.";
        }

        if (!string.Equals(header.ToString().Trim(), method, StringComparison.Ordinal))
        {
            return $"Header mismatch: Mcp-Method '{header}' does not match the body's method '{method}'.";
        }

        var nameProperty = method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet => "name",
            RequestMethods.ResourcesRead => "uri",
            _ => null,
        };
        if (nameProperty is null)
        {
            return null;
        }

        if (!request.Headers.TryGetValue(McpHeaders.Name, out var name))
        {
            return "Missing required Mcp-Name header.";
        }

        var expected = (parameters as JsonObject)?[nameProperty] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        var presented = McpHeaderEncoder.DecodeValue(name.ToString().Trim());
        return string.Equals(presented, expected, StringComparison.Ordinal)
            ? null
            : $"Header mismatch: Mcp-Name '{name}' does not match the body's {nameProperty} '{expected}'.";
    }
}
