using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Healthy with the policy version in force; degraded when the latest change was rejected (the previous version still
/// applies) or when the files have not been checked for three intervals.
/// </summary>
internal sealed class PolicyHealthCheck(PolicyProvider provider, IOptions<RemediationOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Status;
        var data = new Dictionary<string, object> { ["version"] = status.Policy.Version, ["rules"] = status.Policy.Rules.Count };
        if (provider.Path is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No policy configured (Remediation:PolicyPath): nothing is proposed", data));
        }

        var inForce = $"policy {Short(status.Policy.Version)} ({status.Policy.Rules.Count} rules) from {provider.Path}";
        if (status.Error is not null)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Policy change rejected, {inForce} stays in force: {status.Error}", data: data));
        }

        var stale = options.Value.PolicyCheckInterval * 3;
        if (status.CheckedAt is { } checkedAt && time.GetUtcNow() - checkedAt > stale + TimeSpan.FromSeconds(5))
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{inForce}; files not checked since {checkedAt:O}", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(inForce, data));
    }

    private static string Short(string version) => version.Length > 12 ? version[..12] : version;
}
