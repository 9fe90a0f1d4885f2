using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>One tool call: its arguments, the authenticated caller, and the services of the request.</summary>
internal sealed record ToolCall(ToolArguments Arguments, ClaimsPrincipal User, IServiceProvider Services)
{
    /// <summary>The caller's name (the API key's name, or the token's subject), recorded as the actor.</summary>
    public string Actor => User.Identity?.Name ?? "unknown";

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The value in the gateway's JSON form (camelCase, enums as strings, nulls left out).</summary>
    public JsonNode? Json<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Service<IOptions<JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T)));
}
