using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>One MCP tool of the gateway: its definition (schema, annotations), the scope a call needs, and the call.</summary>
internal interface IMcpTool
{
    /// <summary>Name, description, input schema and annotations, as listed by <c>tools/list</c>.</summary>
    Tool Definition { get; }

    /// <summary>The scope this call needs (it may depend on the action asked for).</summary>
    string RequiredScope(ToolArguments arguments);

    /// <summary>Runs the call; invalid arguments throw <see cref="ToolArgumentException"/>.</summary>
    Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken);
}
