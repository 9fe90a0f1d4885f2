using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Api;
using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.DeadLetters;
using IncidentPlatform.Gateway.Deliveries;
using IncidentPlatform.Gateway.Kpis;
using IncidentPlatform.Gateway.Events;
using IncidentPlatform.Gateway.Incidents;
using IncidentPlatform.Gateway.Intake;
using IncidentPlatform.Gateway.Json;
using IncidentPlatform.Gateway.Mcp;
using IncidentPlatform.Gateway.Remediations;
using IncidentPlatform.Gateway.Silences;
using IncidentPlatform.Gateway.Slack;
using IncidentPlatform.Gateway.Telemetry;
using IncidentPlatform.Gateway.Ui;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.ServiceDefaults.Security;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Gateway;

/// <summary>
/// The gateway is the public edge: MCP, REST, web UI and alert webhooks. Its wiring lives here so that its own
/// Program.cs and the standalone host share it: <see cref="AddGateway"/> for a process of its own, or
/// <see cref="AddGatewayModule"/> plus <see cref="AddGatewayConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class GatewayExtensions
{
    /// <summary>Adds the gateway and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayModule();
        return builder.AddMessaging(bus => bus.AddGatewayConsumers());
    }

    /// <summary>Adds the gateway's services, authentication and options, without the bus.</summary>
    public static IHostApplicationBuilder AddGatewayModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        builder.AddGatewayAuth();
        builder.Services.AddGatewayTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddGatewayJson();
        builder.Services.AddSecretRedactor(); // MCP results pass through it, as the analysis prompts do
        builder.Services.AddScoped<IncidentCommands>();
        builder.Services.AddScoped<IncidentListView>();
        builder.Services.AddGatewayMcp().WithHttpTransport(o => o.Stateless = true);
        builder.Services.AddGatewayRateLimiting(builder.Configuration);
        builder.Services.AddGatewayOpenApi();
        builder.Services.AddSingleton<IncidentEventHub>();
        builder.Services.AddScoped<IIncidentDetailPart, AlertsPart>();
        builder.Services.AddScoped<IIncidentDetailPart, TimelinePart>();
        builder.Services.AddDeliveries();
        builder.Services.AddKpis();
        builder.Services.AddSlackInteractivity();
        builder.Services.AddDeadLetters();
        builder.AddIntake();
        builder.AddSilences();
        builder.AddGatewayRemediations();
        return builder;
    }

    /// <summary>Registers the gateway's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IncidentMessageConsumer, IncidentMessageConsumerDefinition>();
        bus.AddRequestClient<AcknowledgeIncident>(BusRequests.Timeout);
        bus.AddRequestClient<ResolveIncident>(BusRequests.Timeout);
        bus.AddRequestClient<UpdateIncident>(BusRequests.Timeout);
        bus.AddRequestClient<DeleteIncident>(BusRequests.Timeout);
        bus.AddRequestClient<RunDetection>(BusRequests.Timeout);
        bus.AddRequestClient<SendNotification>(BusRequests.Timeout);
        bus.AddRequestClient<DecideRemediation>(BusRequests.Timeout);
        bus.AddRequestClient<ResolveRemediation>(BusRequests.Timeout);
        bus.AddRequestClient<SuggestRemediations>(BusRequests.Timeout);
        bus.AddRequestClient<GetRemediationPolicy>(BusRequests.Timeout);
        bus.AddRemediationRequestClients();
        return bus;
    }

    /// <summary>Maps the gateway's endpoints; every one but health needs an API key.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseAlertRejectionMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGatewayAuth();
        app.MapIncidentEndpoints();
        app.MapIncidentCommandEndpoints();
        app.MapRemediationEndpoints();
        app.MapRemediationResolveEndpoints();
        app.MapDeadLetters();
        app.MapAuditEndpoints();
        app.MapDeliveryEndpoints();
        app.MapKpiEndpoints();
        app.MapSlackInteractions();
        app.MapIntake();
        app.MapSilenceEndpoints();
        app.MapIncidentHistoryEndpoints();
        app.MapApiEndpoints();
        app.MapEventEndpoints();
        app.MapUiEndpoints();
        app.MapGatewayMcp();
        return app;
    }
}
