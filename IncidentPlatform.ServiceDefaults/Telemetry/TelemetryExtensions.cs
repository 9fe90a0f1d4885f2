using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace IncidentPlatform.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry logs, traces and metrics, exported over OTLP when an endpoint is configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources recorded, by name (the instrumentation packages do not restore here).</summary>
    public static readonly string[] ActivitySources =
        ["IncidentPlatform.*", "Microsoft.AspNetCore", "System.Net.Http", "MassTransit"];

    /// <summary>Meters recorded, by name.</summary>
    public static readonly string[] Meters =
    [
        "IncidentPlatform.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing", "System.Net.Http", "System.Runtime", "MassTransit",
    ];

    /// <summary>
    /// Adds the OpenTelemetry SDK. The service name is <c>OTEL_SERVICE_NAME</c> when set, else the application name;
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c> is honoured by the SDK's environment detector; OTLP export is on only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads its protocol and headers from the usual variables).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var otel = new TelemetryBuilder(builder.Services);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
        {
            otel.ConfigureResource(r => r.AddService(builder.Environment.ApplicationName));
        }

        otel.WithLogging(configureBuilder: null, configureOptions: o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        otel.WithTracing(t =>
        {
            foreach (var source in ActivitySources)
            {
                t.AddSource(source);
            }
        });
        otel.WithMetrics(m => m.AddMeter(Meters));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddHostedService<TelemetryHostedService>();
        return builder;
    }
}
