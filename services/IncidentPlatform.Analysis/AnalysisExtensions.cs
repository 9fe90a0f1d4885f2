using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Analysis;

/// <summary>
/// The analysis explains incidents (root-cause analysis). Its wiring lives here so that its own Program.cs and the standalone host
/// share it: <see cref="AddAnalysis"/> for a process of its own, or <see cref="AddAnalysisModule"/> plus
/// <see cref="AddAnalysisConsumers"/> when several modules share one process and one bus.
/// </summary>
public static class AnalysisExtensions
{
    /// <summary>Adds the analysis and its bus (RabbitMQ from <c>ConnectionStrings:messaging</c>).</summary>
    public static IHostApplicationBuilder AddAnalysis(this IHostApplicationBuilder builder)
    {
        builder.AddAnalysisModule();
        return builder.AddMessaging(bus => bus.AddAnalysisConsumers());
    }

    /// <summary>Adds the analysis's services and options, without the bus.</summary>
    public static IHostApplicationBuilder AddAnalysisModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        return builder;
    }

    /// <summary>Registers the analysis's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddAnalysisConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }

    /// <summary>Maps the analysis's endpoints.</summary>
    public static WebApplication MapAnalysis(this WebApplication app)
    {
        return app;
    }
}
