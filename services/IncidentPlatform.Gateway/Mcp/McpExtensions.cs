using IncidentPlatform.Gateway.Mcp.Prompts;
using IncidentPlatform.Gateway.Mcp.Resources;
using IncidentPlatform.Gateway.Mcp.Tools;

namespace IncidentPlatform.Gateway.Mcp;

/// <summary>Registers the MCP server's tools, resources and prompts, shared by the HTTP endpoint and stdio mode.</summary>
internal static class McpExtensions
{
    public static IServiceCollection AddGatewayMcp(this IServiceCollection services)
    {
        services.AddSingleton<IMcpTool, IncidentManagementTool>();
        services.AddSingleton<IMcpTool, IncidentDetectionTool>();
        services.AddSingleton<IMcpTool, RootCauseAnalysisTool>();
        services.AddSingleton<IMcpTool, SlackNotificationsTool>();
        services.AddSingleton<IMcpTool, RemediationSuggestionsTool>();
        services.AddSingleton<IMcpTool, RemediationDecisionTool>();
        services.AddSingleton<IMcpTool, SilencesTool>();
        services.AddScoped<SilenceDocuments>();
        services.AddSingleton<IMcpResource>(IncidentResource.Detail());
        services.AddSingleton<IMcpResource>(IncidentResource.Timeline());
        services.AddSingleton<IMcpResource, PolicyResource>();
        services.AddSingleton<IMcpPrompt>(IncidentPrompt.Triage());
        services.AddSingleton<IMcpPrompt>(IncidentPrompt.Postmortem());
        services.AddSingleton<McpServerSetup>();
        services.AddSingleton<McpHttpHandler>();
        return services;
    }
}
