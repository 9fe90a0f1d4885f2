using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Analysis.Tests.Infrastructure;

/// <summary>Incidents for tests, stored with their alerts.</summary>
internal static class TestIncidents
{
    public static readonly IReadOnlyDictionary<string, string> EcsLabels =
        new Dictionary<string, string> { ["ecs_cluster"] = "prod-core", ["ecs_service"] = "orders-api" };

    /// <summary>An ECS service whose database pool is exhausted: a latency alert and a pool-timeout signal.
    /// Lines: L1 alert title, L2 alert message, L3 the template, L4–L5 samples.</summary>
    public static async Task<Incident> PoolExhaustionAsync(
        IIncidentStore store, DateTimeOffset now, string id = "inc-pool-1", string service = "orders-api",
        IReadOnlyDictionary<string, string>? labels = null, IReadOnlyList<string>? samples = null, string? templateId = "tpl-hikari")
    {
        var incident = new Incident
        {
            Id = id,
            Fingerprint = "fp:" + id,
            Title = $"{service} p99 latency 8.2s",
            Service = service,
            Severity = Severity.High,
            Status = IncidentStatus.Open,
            Source = "grafana",
            Labels = labels ?? EcsLabels,
            CreatedAt = now.AddMinutes(-10),
            UpdatedAt = now,
            AlertCount = 1,
            FirstAlertAt = now.AddMinutes(-10),
            LastAlertAt = now.AddMinutes(-2),
            TemplateIds = templateId is null ? [] : [templateId],
            Evidence =
            [
                new SignalEvidence
                {
                    Kind = SignalKind.Baseline,
                    TemplateId = templateId,
                    Template = "HikariPool-1 - Connection is not available, request timed out after <NUM>ms.",
                    Count = 1830,
                    Baseline = 2,
                    WindowStart = now.AddMinutes(-7),
                    WindowEnd = now.AddMinutes(-2),
                    SampleLines = samples ??
                    [
                        "WARN [exec-42] HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                        "CannotGetJdbcConnectionException: Failed to obtain JDBC Connection",
                    ],
                },
            ],
        };
        await store.FindOrOpenAsync(incident.Fingerprint, incident);
        await store.AddAlertAsync(id, new Alert
        {
            Id = id + "-a1",
            Source = "grafana",
            Title = $"{service} p99 latency 8.2s (threshold 1.5s)",
            Message = "histogram_quantile(0.99) of http_server_requests_seconds is 8.21",
            Severity = Severity.High,
            Timestamp = now.AddMinutes(-10),
            ReceivedAt = now.AddMinutes(-10),
            Service = service,
        });
        return (await store.GetAsync(id))!;
    }
}
