using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Gateway.DeadLetters;

/// <summary>Degraded (not unhealthy: everything else still flows) while dead letters wait for an operator.</summary>
internal sealed class DeadLetterHealthCheck(IDeadLetterStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = await store.ListAsync(DeadLetterEndpoints.MaxListed + 1, cancellationToken);
        return waiting.Count == 0
            ? HealthCheckResult.Healthy("no dead letters")
            : HealthCheckResult.Degraded($"{(waiting.Count > DeadLetterEndpoints.MaxListed ? $"more than {DeadLetterEndpoints.MaxListed}" : waiting.Count)} " +
                                         "dead letter(s) wait for an operator: GET /api/dead-letters");
    }
}
