using IncidentPlatform.Gateway.Mcp;
using ModelContextProtocol.Server;

namespace IncidentPlatform.Gateway.Stdio;

/// <summary>Runs one MCP server over stdin/stdout; when the client closes stdin, the process stops.</summary>
internal sealed class McpStdioServer(
    McpServerSetup setup, IServiceProvider services, ILoggerFactory loggers, IHostApplicationLifetime lifetime,
    ILogger<McpStdioServer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var transport = new StdioServerTransport(McpServerSetup.ServerName, loggers);
            await using var server = McpServer.Create(transport, setup.CreateOptions(scopeRequests: true), loggers, services);
            logger.LogInformation("MCP server on stdio started");
            await server.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        finally
        {
            logger.LogInformation("MCP client closed stdio; stopping");
            lifetime.StopApplication();
        }
    }
}
