using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Mcp.Tools;
using ModelContextProtocol;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// The scope check of every tool, resource and prompt, made on the arguments the call actually runs with. The caller is
/// the authenticated request user over HTTP, or the configured key's identity in stdio mode (set on each message).
/// </summary>
internal static class McpCaller
{
    /// <summary>Null when <paramref name="user"/> holds <paramref name="scope"/>; else a tool error the model can explain.</summary>
    public static CallToolResult? Refuse(ClaimsPrincipal? user, string scope) =>
        user?.Identity?.IsAuthenticated != true
            ? ToolResults.Error("Not authenticated: send an API key (X-Api-Key or Authorization: Bearer).", "unauthenticated")
            : user.Holds(scope) ? null : ToolResults.Error(user.MissingScope(scope), "forbidden");

    /// <summary>The caller holding <paramref name="scope"/>, or a JSON-RPC error saying what is missing (resources, prompts).</summary>
    public static ClaimsPrincipal Require(ClaimsPrincipal? user, string scope)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            throw new McpProtocolException("Not authenticated.", McpErrorCode.InvalidRequest);
        }

        return user.Holds(scope) ? user : throw new McpProtocolException(user.MissingScope(scope), McpErrorCode.InvalidRequest);
    }
}
