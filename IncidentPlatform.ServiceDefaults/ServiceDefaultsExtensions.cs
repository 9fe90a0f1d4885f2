using IncidentPlatform.ServiceDefaults.Health;
using IncidentPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentPlatform.ServiceDefaults;

/// <summary>
/// What every service gets, in the shape of the Aspire ServiceDefaults template: OpenTelemetry, health checks,
/// service discovery, and the standard resilience handler on every <see cref="HttpClient"/>. No outgoing URL's path or
/// query reaches a log line or a span (<see cref="UrlRedaction"/>): webhook URLs carry their secret there.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The liveness endpoint.</summary>
    public const string AlivePath = "/alive";

    /// <summary>The readiness endpoint, covering every dependency.</summary>
    public const string HealthPath = "/health";

    /// <summary>
    /// The services' own ActivitySources and Meters, <c>incidentplatform.&lt;service&gt;</c> (gateway, detector, analysis,
    /// remediation, notifier), recorded by name pattern so a service adds instruments without touching the defaults.
    /// </summary>
    public const string ServiceTelemetry = "incidentplatform.*";

    /// <summary>MassTransit's ActivitySource and Meter: a span per send, receive and consume, linked across the bus.</summary>
    public const string MassTransitTelemetry = "MassTransit";

    /// <summary>The MCP SDK's ActivitySource and Meter (<c>mcp.server.operation.duration</c>).</summary>
    public const string McpTelemetry = "Experimental.ModelContextProtocol";

    /// <summary>Adds OpenTelemetry, the liveness check, service discovery and resilience on every <see cref="HttpClient"/>.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.TryAddSingleton<RedactingHttpClientLogger>();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // The default handlers log whole URLs; ours logs them redacted.
            http.RemoveAllLoggers().AddLogger<RedactingHttpClientLogger>(wrapHandlersPipeline: true);
            // One pipeline, so one circuit breaker, per destination: a vendor that is down does not stop calls to others.
            http.AddStandardResilienceHandler().Configure(HttpResilience.RetryOnlyWhatIsSafe).SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry. The service name is <c>OTEL_SERVICE_NAME</c> when set, else the
    /// application name; <c>OTEL_RESOURCE_ATTRIBUTES</c> is honoured; OTLP export is on only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads its protocol and headers from the usual variables).
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            // One line per request is noise at our volumes; the traces carry requests.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            otel.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));
        }

        otel.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ServiceTelemetry, MassTransitTelemetry, McpTelemetry))
            .WithTracing(tracing => tracing
                .AddProcessor(new UrlRedactingProcessor()) // first, so that no exporter sees a URL unredacted
                .AddSource(ServiceTelemetry, MassTransitTelemetry, McpTelemetry)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The liveness check (<c>self</c>, tagged <see cref="HealthTags.Live"/>); dependencies add their own.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: 200 when healthy or degraded, 503 when not) and <c>/alive</c> (the liveness
    /// checks), in every environment and without authentication: orchestrators probe them without credentials.
    /// </summary>
    public static TEndpoints MapDefaultEndpoints<TEndpoints>(this TEndpoints app) where TEndpoints : IEndpointRouteBuilder
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    // Probes every few seconds would bury the traces that matter.
    private static bool IsProbe(PathString path) => path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}
