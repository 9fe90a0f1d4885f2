namespace IncidentPlatform.Gateway.Mcp;

/// <summary>The Streamable HTTP header names (case-insensitive, RFC 9110).</summary>
internal static class McpHeaders
{
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string SessionId = "Mcp-Session-Id";
    public const string Method = "Mcp-Method";
    public const string Name = "Mcp-Name";
}
