using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit's bus health check, read for readiness. With the broker down every consumer endpoint faults, but the
/// bus's own reply endpoint, started only when first needed, still counts as ready, so MassTransit says Degraded and
/// <c>/health</c> would answer 200. A service none of whose consumer endpoints receives anything is not ready: that
/// case is Unhealthy. Everything else is MassTransit's verdict as it gave it.
/// </summary>
internal sealed class BusReadinessCheck(IHealthCheck busCheck, IBusControl bus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await busCheck.CheckHealthAsync(context, cancellationToken);
        var consumers = bus.CheckHealth().Endpoints.Values.Where(e => e.InputAddress != bus.Address).ToList();
        if (result.Status != HealthStatus.Degraded || consumers.Count == 0 || consumers.Any(e => e.Status == BusHealthStatus.Healthy))
        {
            return result;
        }

        return new HealthCheckResult(HealthStatus.Unhealthy, $"No consumer endpoint is receiving. {result.Description}",
            result.Exception, result.Data);
    }

    /// <summary>Wraps MassTransit's registration of the bus check named <paramref name="name"/> (made by then).</summary>
    internal sealed class Wrap(string name) : IPostConfigureOptions<HealthCheckServiceOptions>
    {
        public void PostConfigure(string? optionsName, HealthCheckServiceOptions options)
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == name))
            {
                var factory = registration.Factory;
                registration.Factory = services => new BusReadinessCheck(factory(services), services.GetRequiredService<IBusControl>());
            }
        }
    }
}
