using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Prompts;

/// <summary>One MCP prompt of the gateway.</summary>
internal interface IMcpPrompt
{
    /// <summary>Name, description and arguments, as listed by <c>prompts/list</c>.</summary>
    Prompt Definition { get; }

    /// <summary>Renders the prompt for its arguments.</summary>
    Task<GetPromptResult> GetAsync(
        IReadOnlyDictionary<string, string> arguments, Tools.ToolCall call, CancellationToken cancellationToken);
}
