using System.Security.Claims;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using IncidentPlatform.ServiceDefaults.Messaging;

namespace IncidentPlatform.Gateway.Stdio;

/// <summary>
/// <c>--stdio</c>: the gateway as an MCP server on stdin/stdout for desktop assistants. No Kestrel; logs go to stderr
/// only (stdout carries nothing but JSON-RPC). The caller is the API key in <c>IncidentPlatform:ApiKey</c> (environment
/// <c>IncidentPlatform__ApiKey</c> or <c>INCIDENTPLATFORM_API_KEY</c>), which must be one of <c>Auth:ApiKeys</c>, so its
/// name and scopes apply exactly as over HTTP.
/// </summary>
public static class McpStdioHost
{
    public const string Flag = "--stdio";
    public const string ApiKeySetting = "IncidentPlatform:ApiKey";
    public const string ApiKeyVariable = "INCIDENTPLATFORM_API_KEY";

    /// <summary>True when the process was started with <c>--stdio</c>.</summary>
    public static bool IsStdioMode(this string[] args) => args.Contains(Flag, StringComparer.Ordinal);

    /// <summary>Runs the stdio MCP server until stdin closes; returns the exit code (2 for a configuration error).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != Flag).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        try
        {
            var caller = Caller(builder.Configuration);
            // The SDK's stdio transport first, so stdin is read (and server/discover answered) while the bus and the store
            // are still starting: clients give the first answer only a few seconds. Every message acts as the key's identity.
            builder.Services.AddMcpServer().WithStdioServerTransport().WithMessageFilters(filters => filters.AddIncomingFilter(
                next => (context, cancellationToken) =>
                {
                    context.User = caller;
                    return next(context, cancellationToken);
                }));
            builder.AddServiceDefaults();
            builder.AddGatewayModule();
            builder.AddMessaging(bus => bus.AddGatewayConsumers());
            using var host = builder.Build();
            await host.RunAsync();
            return 0;
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"incidentplatform --stdio: {e.Message}");
            return 2;
        }
    }

    private static ClaimsPrincipal Caller(IConfiguration configuration)
    {
        var presented = configuration[ApiKeySetting];
        if (string.IsNullOrWhiteSpace(presented))
        {
            presented = Environment.GetEnvironmentVariable(ApiKeyVariable);
        }

        if (string.IsNullOrWhiteSpace(presented))
        {
            throw new ConfigurationException(
                $"'{ApiKeySetting}' is not set: give the API key the assistant acts with in the environment variable " +
                $"{ApiKeyVariable} (or IncidentPlatform__ApiKey); it must be one of '{ApiKeyRegistry.Section}'.");
        }

        var key = ApiKeyRegistry.FromConfiguration(configuration).Find(presented.Trim())
            ?? throw new ConfigurationException($"The key in '{ApiKeySetting}' is not one of '{ApiKeyRegistry.Section}'.");
        return ApiKeyAuthenticationHandler.Principal(key);
    }
}
