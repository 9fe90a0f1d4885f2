using System.Security.Claims;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>One resource read: the URI, its template variables, the caller and the request's services.</summary>
internal sealed record ResourceRead(
    string Uri, IReadOnlyDictionary<string, string> Variables, ClaimsPrincipal User, IServiceProvider Services);
