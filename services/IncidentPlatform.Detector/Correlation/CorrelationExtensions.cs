using IncidentPlatform.Detector.Silences;
using IncidentPlatform.ServiceDefaults.Health;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>Registers the correlation of alerts into incidents.</summary>
internal static class CorrelationExtensions
{
    public static IHostApplicationBuilder AddCorrelation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CorrelationOptions>().BindConfiguration(CorrelationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorrelationOptions>, CorrelationOptionsValidator>();
        services.AddSingleton<RouteStore>();
        services.AddSingleton<AlertProgress>();
        services.AddSingleton<SilenceCache>();
        services.AddSingleton<SilenceRetention>();
        services.AddSingleton<CorrelationTimeline>();
        services.AddSingleton<IncidentCorrelator>();
        services.AddSingleton<IncidentEvents>();
        services.AddSingleton<UpdateFlusher>();
        services.AddSingleton<QuietPeriodResolver>();
        services.AddSingleton<SweeperStatus>();
        services.AddSingleton<CorrelationSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<CorrelationSweeper>());
        services.AddHealthChecks().AddCheck<CorrelationSweeperHealthCheck>("correlation", tags: [HealthTags.Ready]);
        return builder;
    }
}
