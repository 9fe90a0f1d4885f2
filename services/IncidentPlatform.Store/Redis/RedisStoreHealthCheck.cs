using IncidentPlatform.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// The <c>redis</c> readiness check: <see cref="RedisHealthCheck"/> on the shared connection (connected and PING
/// answered), once the connection exists.
/// </summary>
internal sealed class RedisStoreHealthCheck(RedisConnectionSource source) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        RedisConnection connection;
        try
        {
            connection = await source.GetAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No Redis connection: {ex.Message}", ex);
        }

        return await new RedisHealthCheck(connection).CheckHealthAsync(context, cancellationToken);
    }
}
