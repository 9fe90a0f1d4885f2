using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Resources;

/// <summary>One MCP resource or resource template of the gateway.</summary>
internal interface IMcpResource
{
    /// <summary>The template (<c>incident://{id}</c>) or fixed URI (<c>policy://current</c>) with name and MIME type.</summary>
    ResourceTemplate Template { get; }

    /// <summary>The values of the template's variables when <paramref name="uri"/> matches, otherwise null.</summary>
    IReadOnlyDictionary<string, string>? Match(string uri);

    /// <summary>The resource's contents; throws <see cref="ModelContextProtocol.McpException"/> when it does not exist.</summary>
    Task<ReadResourceResult> ReadAsync(ResourceRead read, CancellationToken cancellationToken);
}
