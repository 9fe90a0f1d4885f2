using System.Security.Claims;
using IncidentPlatform.Gateway.Auth;
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
        var services = request.Services ?? throw new InvalidOperationException("The MCP server has no services.");
        var user = McpCaller.Resolve(request.User, services);
        if (user is null)
        {
            return ToolResults.Error("Not authenticated: send an API key (X-Api-Key or Authorization: Bearer).");
        }

        try
        {
            var arguments = ToolArguments.From(request.Params?.Arguments);
            var scope = tool.RequiredScope(arguments);
            if (!user.HasClaim(Scopes.ClaimType, scope))
            {
                return ToolResults.Error(MissingScope(user, scope));
            }

            return await tool.InvokeAsync(new ToolCall(arguments, user, services), cancellationToken);
        }
        catch (ToolArgumentException e)
        {
            return ToolResults.Error($"Invalid arguments for {tool.Definition.Name}: {e.Message}");
        }
    }

    public static string MissingScope(ClaimsPrincipal user, string scope)
    {
        var held = user.FindAll(Scopes.ClaimType).Select(c => c.Value).ToList();
        return $"Forbidden: this needs the '{scope}' scope; the credential '{user.Identity?.Name}' has " +
               $"{(held.Count == 0 ? "no scopes" : string.Join(", ", held))}. Ask an administrator for a key with '{scope}'.";
    }
}
