using System.Security.Claims;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Mcp.Tools;
using ModelContextProtocol;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>
/// Who calls: over HTTP the authenticated request user; in stdio mode (no HTTP) the identity of the configured API key,
/// registered as this singleton.
/// </summary>
internal sealed class McpCaller(ClaimsPrincipal principal)
{
    public ClaimsPrincipal Principal { get; } = principal;

    public static ClaimsPrincipal? Resolve(ClaimsPrincipal? user, IServiceProvider services) =>
        user?.Identity?.IsAuthenticated == true ? user : services.GetService<McpCaller>()?.Principal;

    /// <summary>The caller holding <paramref name="scope"/>, or a JSON-RPC error saying what is missing.</summary>
    public static ClaimsPrincipal Require(ClaimsPrincipal? user, IServiceProvider services, string scope)
    {
        var caller = Resolve(user, services) ?? throw new McpProtocolException("Not authenticated.", McpErrorCode.InvalidRequest);
        return caller.HasClaim(Scopes.ClaimType, scope)
            ? caller
            : throw new McpProtocolException(GatewayToolAdapter.MissingScope(caller, scope), McpErrorCode.InvalidRequest);
    }
}
