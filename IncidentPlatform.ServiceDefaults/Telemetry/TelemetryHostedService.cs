using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IncidentPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when the host starts (they are created lazily otherwise, and nothing
/// would be recorded); the container disposes them, flushing the exporters, when the host stops.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
