using IncidentPlatform.Analysis.Budget;
using IncidentPlatform.Analysis.Caching;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Consumers;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Offline;
using IncidentPlatform.Analysis.Pipeline;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Telemetry;
using IncidentPlatform.ServiceDefaults.Concurrency;
using IncidentPlatform.ServiceDefaults.Messaging;
using IncidentPlatform.ServiceDefaults.Security;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Adds the analysis's services and options (section <c>Analysis</c>, validated at start), without the bus. The
    /// incident store's interfaces (<c>IIncidentStore</c>, <c>ICacheStore</c>, <c>ICounterStore</c>,
    /// <c>IIdempotencyStore</c>) must be registered too.
    /// </summary>
    public static IHostApplicationBuilder AddAnalysisModule(this IHostApplicationBuilder builder)
    {
        builder.AddIncidentStore();
        var services = builder.Services;
        services.AddOptions<AnalysisOptions>()
            .BindConfiguration(AnalysisOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The standard AWS variables (the AppHost sets them) name the region when the section does not.
                if (string.IsNullOrWhiteSpace(options.Bedrock.Region))
                {
                    options.Bedrock.Region = configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"];
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AnalysisTelemetry>();
        services.TryAddSingleton(sp => new SecretRedactor(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.RedactEmails));
        services.TryAddSingleton(sp => ModelChainFactory.Create(sp.GetRequiredService<IOptions<AnalysisOptions>>()));
        services.TryAddSingleton<PriceTable>();
        services.TryAddSingleton<BudgetGuard>();
        services.TryAddSingleton<IncidentContextBuilder>();
        services.TryAddSingleton<OfflineAnalyzer>();
        services.TryAddSingleton<AnalysisCache>();
        services.TryAddSingleton<KeyedLock>();
        services.TryAddSingleton<ProviderCircuit>();
        services.TryAddSingleton<ModelAnalyzer>();
        services.TryAddSingleton<AnalysisPipeline>();
        services.TryAddSingleton<AnalysisRunner>();
        return builder;
    }

    /// <summary>Registers the analysis's consumers on the bus.</summary>
    public static IBusRegistrationConfigurator AddAnalysisConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IncidentOpenedConsumer, IncidentOpenedConsumerDefinition>();
        bus.AddConsumer<IncidentUpdatedConsumer, IncidentUpdatedConsumerDefinition>();
        bus.AddConsumer<AnalyzeIncidentConsumer, AnalyzeIncidentConsumerDefinition>();
        return bus;
    }

    /// <summary>Maps the analysis's endpoints.</summary>
    public static WebApplication MapAnalysis(this WebApplication app)
    {
        return app;
    }
}
