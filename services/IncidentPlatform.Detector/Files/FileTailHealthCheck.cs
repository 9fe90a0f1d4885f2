using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.Detector.Files;

/// <summary>Degraded while a tailer's last poll failed (naming it and the error); otherwise the files each one reads.</summary>
internal sealed class FileTailHealthCheck(FileTailers tailers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = tailers.All.Where(t => t.Status.Failing).ToList();
        var described = string.Join("; ", tailers.All.Select(Describe));
        return Task.FromResult(failing.Count > 0
            ? HealthCheckResult.Degraded(described)
            : HealthCheckResult.Healthy(described));
    }

    private static string Describe(FileTailer tailer)
    {
        var status = tailer.Status;
        if (status.Failing)
        {
            return $"source '{tailer.Name}' failing since {status.LastErrorAt:O}: {status.LastError}";
        }

        return status.LastSuccess is { } at
            ? $"source '{tailer.Name}' read at {at:O}: {status.Files.Count} file(s)"
            : $"source '{tailer.Name}' starting";
    }
}
