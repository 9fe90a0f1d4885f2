using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Remediation;

/// <summary>
/// The remediation proposes, approves and runs remediations under policy. Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddRemediation"/> for a process of its own, or <see cref="AddRemediationModule"/> plus
/// <see cref="AddRemediationConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class RemediationExtensions
{
    /// <summary>Adds the remediation and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddRemediation(this IHostApplicationBuilder builder)
    {
        builder.AddRemediationModule();
        return builder.AddMessaging(bus => bus.AddRemediationConsumers());
    }

    /// <summary>Adds the remediation's services and options, without the bus.</summary>
    public static IHostApplicationBuilder AddRemediationModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        return builder;
    }

    /// <summary>Registers the remediation's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddRemediationConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }

    /// <summary>Maps the remediation's endpoints.</summary>
    public static WebApplication MapRemediation(this WebApplication app)
    {
        return app;
    }
}
