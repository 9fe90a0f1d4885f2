using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>Healthy while the sweeper ran recently (or stands by while another replica holds its lease).</summary>
internal sealed class CorrelationSweeperHealthCheck(SweeperStatus status, IOptions<CorrelationOptions> options, TimeProvider time)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (lastSuccess, standby, lastError) = status.Current;
        var allowed = options.Value.UpdateInterval * 5 + TimeSpan.FromSeconds(30);
        var now = time.GetUtcNow();
        if (lastSuccess is null)
        {
            return Task.FromResult(lastError is null
                ? HealthCheckResult.Healthy("The correlation sweeper has not run yet.")
                : HealthCheckResult.Degraded($"The correlation sweeper has not succeeded yet: {lastError}"));
        }

        var role = standby ? "standing by (another replica sweeps)" : "sweeping";
        return Task.FromResult(now - lastSuccess.Value <= allowed
            ? HealthCheckResult.Healthy($"Correlation sweeper {role}; last run {lastSuccess:O}.")
            : HealthCheckResult.Degraded($"The correlation sweeper last ran at {lastSuccess:O}: {lastError ?? "no run since"}."));
    }
}
