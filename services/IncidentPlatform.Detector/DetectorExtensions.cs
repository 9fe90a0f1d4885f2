using IncidentPlatform.Detector.Consumers;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Incidents;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Detector;

/// <summary>
/// The detector turns Splunk searches, log files and log batches into signals, and correlates alerts and signals into
/// incidents. Its wiring lives here so that its own Program.cs and the standalone host share it:
/// <see cref="AddDetector"/> for a process of its own, or <see cref="AddDetectorModule"/> plus
/// <see cref="AddDetectorConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class DetectorExtensions
{
    /// <summary>Adds the detector and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddDetector(this IHostApplicationBuilder builder)
    {
        builder.AddDetectorModule();
        return builder.AddMessaging(bus => bus.AddDetectorConsumers());
    }

    /// <summary>Adds the detector's services and options, without the bus.</summary>
    public static IHostApplicationBuilder AddDetectorModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        builder.AddCorrelation();
        builder.Services.AddSingleton<IncidentCommands>();
        builder.AddSignalSources();
        return builder;
    }

    /// <summary>Registers the detector's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddDetectorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AlertReceivedConsumer, AlertReceivedConsumerDefinition>();
        bus.AddConsumer<AcknowledgeIncidentConsumer>();
        bus.AddConsumer<ResolveIncidentConsumer>();
        bus.AddConsumer<UpdateIncidentConsumer>();
        bus.AddConsumer<DeleteIncidentConsumer>();
        bus.AddSignalConsumers();
        return bus;
    }

    /// <summary>Maps the detector's endpoints.</summary>
    public static WebApplication MapDetector(this WebApplication app)
    {
        return app;
    }
}
