using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Redis;

/// <summary>
/// Reports a <see cref="RedisConnection"/>: healthy when connected and PING answers, unhealthy while reconnecting
/// (with the attempt and the last error) or when PING fails. Register it with
/// <c>AddCheck("redis", new RedisHealthCheck(connection))</c> or a factory resolving the shared connection.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = connection.Status;
        var data = new Dictionary<string, object>
        {
            ["endpoint"] = status.EndPoint,
            ["state"] = status.State.ToString(),
            ["reconnectAttempt"] = status.ReconnectAttempt,
        };
        if (status.State != RedisConnectionState.Connected)
        {
            return HealthCheckResult.Unhealthy(status.Description, status.LastError, data);
        }

        try
        {
            var latency = await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            data["pingMs"] = latency.TotalMilliseconds;
            return HealthCheckResult.Healthy(status.Description, data);
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy($"PING to {status.EndPoint} failed: {ex.Message}", ex, data);
        }
    }
}
