using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Consumers;
using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Detector.Logs;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Detector.LogTemplates;
using IncidentPlatform.ServiceDefaults.Health;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector;

/// <summary>
/// The front of the loop: Splunk rules, tailed log files, the demo source, CloudWatch log batches; the template miners
/// and anomaly detection; all raising <c>AlertReceived</c> for correlation.
/// </summary>
internal static class SignalSourcesExtensions
{
    /// <summary>Registers the sources, their options (validated at start), hosted services and health checks.</summary>
    public static IHostApplicationBuilder AddSignalSources(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<DetectorOptions>().BindConfiguration(DetectorOptions.Section).ValidateOnStart();
        services.AddOptions<SplunkOptions>().BindConfiguration(SplunkOptions.Section);
        services.PostConfigure<DetectorOptions>(o =>
        {
            if (o.Demo.Enabled)
            {
                o.Anomaly.Thresholds.TryAdd(DemoSource.ThresholdName, DemoSource.Threshold(o.Demo));
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectorOptions>, SplunkRulesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectorOptions>, FileSourcesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectorOptions>, AnomalyOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SignalPublisher>();
        services.AddSingleton<TemplateStateRepository>();
        services.AddSingleton<LogSources>();
        services.AddSingleton<SplunkClient>();
        services.AddSingleton<SplunkStatusBoard>();
        services.AddSingleton<DetectorInstance>();
        services.AddSingleton<DemoPaths>();
        services.AddSingleton<DemoAlarms>();
        services.AddSingleton<FileTailers>();
        services.AddHostedService<LogPipelineService>();
        services.AddHostedService<FileTailService>();

        var demo = configuration.GetValue<bool>($"{DetectorOptions.Section}:Demo:{nameof(DemoOptions.Enabled)}");
        if (demo)
        {
            services.AddHostedService<DemoLogWriter>();
        }

        if (demo || configuration.GetSection($"{DetectorOptions.Section}:Files").GetChildren().Any())
        {
            services.AddHealthChecks().AddCheck<FileTailHealthCheck>("log-files", tags: [HealthTags.Ready]);
        }

        if (configuration.GetSection($"{DetectorOptions.Section}:Rules").GetChildren().Any())
        {
            services.AddHostedService<SplunkPollingService>();
            services.AddHealthChecks().AddCheck<SplunkHealthCheck>("splunk", tags: [HealthTags.Ready]);
        }

        return builder;
    }

    /// <summary>Registers the consumers of detection requests and log batches.</summary>
    public static IBusRegistrationConfigurator AddSignalConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RunDetectionConsumer, RunDetectionConsumerDefinition>();
        bus.AddConsumer<LogEventsReceivedConsumer, LogEventsReceivedConsumerDefinition>();
        return bus;
    }
}
