using IncidentPlatform.ServiceDefaults.Messaging;
using MassTransit;

namespace IncidentPlatform.Gateway;

/// <summary>
/// The gateway is the public edge: MCP, REST, web UI and alert webhooks. Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddGateway"/> for a process of its own, or <see cref="AddGatewayModule"/> plus
/// <see cref="AddGatewayConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class GatewayExtensions
{
    /// <summary>Adds the gateway and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayModule();
        return builder.AddMessaging(bus => bus.AddGatewayConsumers());
    }

    /// <summary>Adds the gateway's services and options, without the bus.</summary>
    public static IHostApplicationBuilder AddGatewayModule(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Registers the gateway's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }

    /// <summary>Maps the gateway's endpoints.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        return app;
    }
}
