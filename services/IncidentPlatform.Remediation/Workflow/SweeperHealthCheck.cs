using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>Healthy when the sweeper completed a sweep recently; degraded when it is late or its last sweep failed.</summary>
internal sealed class SweeperHealthCheck(SweepStatus status, IOptions<RemediationOptions> options, TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var late = options.Value.SweepInterval * 3 + TimeSpan.FromSeconds(10);
        var last = status.LastSuccess;
        if (status.LastError is { } error)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The last remediation sweep failed: {error}"));
        }

        if (last is null)
        {
            return Task.FromResult(now - _started > late
                ? HealthCheckResult.Degraded("No remediation sweep has completed yet")
                : HealthCheckResult.Healthy("Starting"));
        }

        return Task.FromResult(now - last.Value > late
            ? HealthCheckResult.Degraded($"The last remediation sweep completed at {last:O}")
            : HealthCheckResult.Healthy($"Last sweep {last:O}"));
    }
}
