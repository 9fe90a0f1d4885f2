using System.Security.Claims;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Telemetry;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Serves an <see cref="IMcpTool"/> through the SDK: authenticates the caller, enforces the scope of the call
/// (a missing scope is a tool error the model can explain to its user), and turns bad arguments into tool errors.
/// </summary>
internal sealed class GatewayToolAdapter(IMcpTool tool) : McpServerTool
{
    public override Tool ProtocolTool => tool.Definition;

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var (result, outcome) = await CallAsync(request, cancellationToken);
        request.Services?.GetService<GatewayTelemetry>()?.ToolCalled(tool.Definition.Name, outcome);
        return result;
    }

    private async ValueTask<(CallToolResult Result, string Outcome)> CallAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP server has no services.");
        var user = McpCaller.Resolve(request.User, services);
        if (user is null)
        {
            return (ToolResults.Error("Not authenticated: send an API key (X-Api-Key or Authorization: Bearer)."), "unauthenticated");
        }

        try
        {
            var arguments = ToolArguments.From(request.Params?.Arguments);
            var scope = tool.RequiredScope(arguments);
            if (!user.HasClaim(Scopes.ClaimType, scope))
            {
                return (ToolResults.Error(MissingScope(user, scope)), "forbidden");
            }

            var result = await tool.InvokeAsync(new ToolCall(arguments, user, services), cancellationToken);
            return (result, result.IsError == true ? "error" : "ok");
        }
        catch (ToolArgumentException e)
        {
            return (ToolResults.Error($"Invalid arguments for {tool.Definition.Name}: {e.Message}"), "invalid_arguments");
        }
    }

    public static string MissingScope(ClaimsPrincipal user, string scope)
    {
        var held = user.FindAll(Scopes.ClaimType).Select(c => c.Value).ToList();
        return $"Forbidden: this needs the '{scope}' scope; the credential '{user.Identity?.Name}' has " +
               $"{(held.Count == 0 ? "no scopes" : string.Join(", ", held))}. Ask an administrator for a key with '{scope}'.";
    }
}
