using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Notifier;

/// <summary>
/// The notifier routes and delivers notifications. Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddNotifier"/> for a process of its own, or <see cref="AddNotifierModule"/> plus
/// <see cref="AddNotifierConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class NotifierExtensions
{
    /// <summary>Adds the notifier and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddNotifier(this IHostApplicationBuilder builder)
    {
        builder.AddNotifierModule();
        return builder.AddMessaging(bus => bus.AddNotifierConsumers());
    }

    /// <summary>Adds the notifier's services and options, without the bus.</summary>
    public static IHostApplicationBuilder AddNotifierModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        return builder;
    }

    /// <summary>Registers the notifier's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddNotifierConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }

    /// <summary>Maps the notifier's endpoints.</summary>
    public static WebApplication MapNotifier(this WebApplication app)
    {
        return app;
    }
}
