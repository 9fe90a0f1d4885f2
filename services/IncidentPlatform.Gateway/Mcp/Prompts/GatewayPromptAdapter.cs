using System.Text.Json;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Mcp.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IncidentPlatform.Gateway.Mcp.Prompts;

/// <summary>Serves an <see cref="IMcpPrompt"/> through the SDK; prompts embed incident data, so they need <c>read</c>.</summary>
internal sealed class GatewayPromptAdapter(IMcpPrompt prompt) : McpServerPrompt
{
    public override Prompt ProtocolPrompt => prompt.Definition;

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<GetPromptResult> GetAsync(
        RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP server has no services.");
        var user = McpCaller.Require(request.User, services, Scopes.Read);
        var arguments = new Dictionary<string, string>();
        foreach (var (name, value) in request.Params?.Arguments ?? new Dictionary<string, JsonElement>())
        {
            arguments[name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        foreach (var required in prompt.Definition.Arguments?.Where(a => a.Required == true) ?? [])
        {
            if (!arguments.TryGetValue(required.Name, out var v) || string.IsNullOrWhiteSpace(v))
            {
                throw new McpProtocolException($"The argument '{required.Name}' is required.", McpErrorCode.InvalidParams);
            }
        }

        return await prompt.GetAsync(arguments, new ToolCall(ToolArguments.From(null), user, services), cancellationToken);
    }
}
