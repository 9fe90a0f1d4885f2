using System.Security.Claims;

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
}
