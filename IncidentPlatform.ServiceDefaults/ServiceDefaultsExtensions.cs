using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Http;
using IncidentPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.ServiceDefaults;

/// <summary>What every service gets: telemetry, health checks, resilient HTTP clients (the Aspire ServiceDefaults).</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The liveness endpoint.</summary>
    public const string AlivePath = "/alive";

    /// <summary>The readiness endpoint, covering every dependency.</summary>
    public const string HealthPath = "/health";

    /// <summary>Adds OpenTelemetry, the liveness check, and resilience on every <see cref="HttpClient"/>.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddTelemetry();
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            // One line per request is noise at our volumes; the traces carry requests.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        builder.Services.Configure<HttpResilienceOptions>(builder.Configuration.GetSection(HttpResilienceOptions.Section));
        builder.Services.AddSingleton(sp => ResiliencePipelineFactory.Create(
            sp.GetRequiredService<IOptions<HttpResilienceOptions>>().Value, sp.GetService<TimeProvider>()));
        builder.Services.AddTransient<ResilienceHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<ResilienceHandler>());
        builder.Services.TryAddTimeProvider();
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check: 200 when healthy or degraded, 503 when not) and <c>/alive</c>.</summary>
    public static TEndpoints MapDefaultEndpoints<TEndpoints>(this TEndpoints app) where TEndpoints : IEndpointRouteBuilder
    {
        // The only anonymous endpoints: orchestrators probe them without credentials.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
