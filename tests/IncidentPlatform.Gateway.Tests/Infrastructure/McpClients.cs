using ModelContextProtocol.Client;

namespace IncidentPlatform.Gateway.Tests.Infrastructure;

/// <summary>The SDK's own MCP client, connected to a test host's <c>/mcp</c> over Streamable HTTP.</summary>
internal static class McpClients
{
    public static async Task<McpClient> ConnectAsync(GatewayTestHost host, string apiKey = TestKeys.Admin, string? protocolVersion = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(host.Address, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["X-Api-Key"] = apiKey },
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion, DiscoverProbeTimeout = TimeSpan.FromSeconds(30) },
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
