using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Store.Embedded;

/// <summary>Ready when the journal takes a durable write (a no-op record, appended and fsynced).</summary>
internal sealed class EmbeddedStoreHealthCheck(EmbeddedStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await store.CheckWritableAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Embedded store in {store.DataDirectory}: {state}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The embedded store's journal is not writable: {ex.Message}", ex);
        }
    }
}
