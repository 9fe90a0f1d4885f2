using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Notifier.Throttling;

/// <summary>The flusher's last successful run, reported as a health check.</summary>
internal sealed class FlusherHealth(TimeProvider time) : IHealthCheck
{
    private DateTimeOffset? _lastSuccess;
    private string? _lastError;

    public void Succeeded(DateTimeOffset at)
    {
        _lastSuccess = at;
        _lastError = null;
    }

    public void Failed(string error) => _lastError = error;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = _lastSuccess;
        if (_lastError is { } error)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Last flush of coalesced updates failed: {error} (last success {last:O})"));
        }

        return Task.FromResult(last is null
            ? HealthCheckResult.Healthy("Coalesced-update flusher not run yet")
            : HealthCheckResult.Healthy($"Coalesced updates last flushed {(time.GetUtcNow() - last.Value).TotalSeconds:F0} s ago"));
    }
}
