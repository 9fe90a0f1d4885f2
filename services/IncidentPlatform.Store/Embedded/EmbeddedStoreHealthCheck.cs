using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// Ready when the journal takes durable writes (<see cref="EmbeddedStore.CheckWritableAsync"/>). The report is served
/// to anyone (health is anonymous), so it names no path: why the journal failed goes to the log.
/// </summary>
internal sealed class EmbeddedStoreHealthCheck(EmbeddedStore store, ILogger<EmbeddedStoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return HealthCheckResult.Healthy($"Embedded store: {await store.CheckWritableAsync(cancellationToken)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The embedded store's journal is not writable");
            return HealthCheckResult.Unhealthy("The embedded store's journal is not writable (the log says why).");
        }
    }
}
