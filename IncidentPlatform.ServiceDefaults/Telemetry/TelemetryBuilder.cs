using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace IncidentPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// The OpenTelemetry builder over the host's service collection. OpenTelemetry.Extensions.Hosting (which provides
/// <c>AddOpenTelemetry()</c>) does not restore here; the SDK's own <c>WithTracing</c>/<c>WithMetrics</c>/<c>WithLogging</c>
/// extensions only need this interface, and <see cref="TelemetryHostedService"/> starts the providers.
/// </summary>
internal sealed class TelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
