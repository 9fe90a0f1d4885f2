using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Degraded while any rule's last search failed, naming the rule and Splunk's error; otherwise each rule's last
/// searched window (or that another replica polls it).
/// </summary>
internal sealed class SplunkHealthCheck(IOptions<DetectorOptions> options, SplunkStatusBoard board) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var rules = options.Value.Rules.Keys.Order(StringComparer.Ordinal).Select(r => (Name: r, Status: board.Get(r))).ToList();
        var description = string.Join("; ", rules.Select(r => Describe(r.Name, r.Status)));
        return Task.FromResult(rules.Any(r => r.Status.Failing)
            ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }

    private static string Describe(string rule, RuleStatus status)
    {
        if (status.Failing)
        {
            var since = status.LastSuccess is { } ok ? $"last success {ok:O}" : "no success yet";
            return $"rule '{rule}' failing ({status.ConsecutiveFailures} attempt(s), {since}): {status.LastError}";
        }

        var skipped = status.SkippedWindows > 0 ? $", {status.SkippedWindows} window(s) skipped after downtime" : "";
        if (status.Standby)
        {
            return $"rule '{rule}' polled by another replica{skipped}";
        }

        return status.LastWindowEnd is { } end
            ? $"rule '{rule}' searched up to {end:O} at {status.LastSuccess:O}{skipped}"
            : $"rule '{rule}' waiting for its first window{skipped}";
    }
}
