using System.Globalization;
using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Deliveries;
using IncidentPlatform.Gateway.Kpis;
using IncidentPlatform.Gateway.Remediations;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Kpis;

/// <summary>
/// A hand-built day of incidents (window <see cref="From"/> to <see cref="To"/>), as facts and as stored documents, with
/// the KPIs it must give worked out by hand in <see cref="KpiCalculatorTests"/>:
/// <list type="bullet">
/// <item>A checkout/high: opened +1h, acknowledged +1h10m, resolved +2h by alice; one fresh analysis (1,500 tokens, $0.0125); one delivery delivered, one failed.</item>
/// <item>B checkout/critical: opened +3h, auto remediation (no decision) verified, resolved +3h30m by remediation; one cached analysis; one delivered.</item>
/// <item>C payments/medium: opened −2h (before), remediation created −1h rejected at +1h, resolved +4h by alert.</item>
/// <item>D payments/low: opened +5h, remediation created +5h10m approved at +5h40m then failed; still open.</item>
/// <item>E checkout/medium: opened +23h, resolved +25h (after the window).</item>
/// </list>
/// </summary>
internal static class KpiHistory
{
    public static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = From.AddDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static IReadOnlyList<KpiFacts> Facts(string prefix = "inc", DateTimeOffset? start = null)
    {
        var from = start ?? From;
        DateTimeOffset H(int hours, int minutes = 0) => from.AddHours(hours).AddMinutes(minutes);
        var a = Incident($"{prefix}-a", "checkout", Severity.High, H(1)) with { AcknowledgedAt = H(1, 10), AcknowledgedBy = "alice" };
        a = Resolve(a, H(2), "alice");
        var b = Resolve(Incident($"{prefix}-b", "checkout", Severity.Critical, H(3)), H(3, 30), "remediation");
        var c = Resolve(Incident($"{prefix}-c", "payments", Severity.Medium, H(-2)), H(4), "alert");
        var d = Incident($"{prefix}-d", "payments", Severity.Low, H(5));
        var e = Resolve(Incident($"{prefix}-e", "checkout", Severity.Medium, H(23)), H(25), "alert");
        return
        [
            new(a, [Analyzed(H(1, 1), cached: false, tokens: 1500, cost: 0.0125m)], [],
                [Delivery(a.Id, 1, H(1), DeliveryStatus.Delivered), Delivery(a.Id, 2, H(1), DeliveryStatus.Failed)]),
            new(b, [Analyzed(H(3, 1), cached: true, tokens: 0, cost: 0m)],
                [Remediation($"{prefix}-r1", b.Id, H(3, 5), RemediationState.Verified)], [Delivery(b.Id, 3, H(3), DeliveryStatus.Delivered)]),
            new(c, [], [Remediation($"{prefix}-r2", c.Id, H(-1), RemediationState.Rejected, Decision(H(1), approved: false))], []),
            new(d, [], [Remediation($"{prefix}-r3", d.Id, H(5, 10), RemediationState.Failed, Decision(H(5, 40), approved: true))], []),
            new(e, [], [], []),
        ];
    }

    /// <summary>A gateway on <paramref name="clock"/> whose KPI metrics are refreshed only when a test says (so nothing is read
    /// before the history is stored), and whose detector leaves the history's open incident open (no quiet period).</summary>
    public static Task<GatewayTestHost> StartHostAsync(TimeProvider clock) => GatewayTestHost.StartAsync(
        [new("Kpis:MetricsInterval", "00:00:00"), new("Detector:Correlation:Sources:test:QuietPeriod", "00:00:00")],
        b => b.Services.AddSingleton(clock));

    /// <summary>Writes the facts where the services keep them: incidents, timelines, remediation documents, delivery logs.</summary>
    public static async Task StoreAsync(IServiceProvider services, IEnumerable<KpiFacts> facts)
    {
        var incidents = services.GetRequiredService<IIncidentStore>();
        var documents = services.GetRequiredService<IDocumentStore>();
        var log = services.GetRequiredService<IAppendLog>();
        foreach (var f in facts)
        {
            var opened = (await incidents.FindOrOpenAsync(f.Incident.Fingerprint, f.Incident with { Status = IncidentStatus.Open, ResolvedAt = null, ResolvedBy = null })).Incident;
            (await incidents.TryUpdateAsync(f.Incident with { Version = opened.Version })).ShouldNotBeNull();
            foreach (var entry in f.Timeline)
            {
                await incidents.AppendTimelineAsync(f.Incident.Id, entry);
            }

            foreach (var r in f.Remediations)
            {
                (await documents.TryPutAsync(RemediationReader.Collection, r.Id, JsonSerializer.Serialize(r, Json), 0, r.IncidentId)).ShouldNotBeNull();
            }

            foreach (var delivery in f.Deliveries)
            {
                await log.AppendAsync(DeliveryLogStream.For(f.Incident.Id), JsonSerializer.Serialize(delivery, DeliveryJsonContext.Default.NotificationDelivery));
            }
        }
    }

    public static DateTimeOffset H(int hours, int minutes = 0) => From.AddHours(hours).AddMinutes(minutes);

    public static Incident Incident(string id, string service, Severity severity, DateTimeOffset at) => new()
    {
        Id = id, Fingerprint = id, Title = $"Errors in {service}", Service = service, Severity = severity, Status = IncidentStatus.Open,
        Source = "test", CreatedAt = at, UpdatedAt = at.AddMinutes(1), AlertCount = 1, FirstAlertAt = at, LastAlertAt = at,
    };

    internal static Incident Resolve(Incident incident, DateTimeOffset at, string by) =>
        incident with { Status = IncidentStatus.Resolved, ResolvedAt = at, ResolvedBy = by, UpdatedAt = at };

    internal static TimelineEntry Analyzed(DateTimeOffset at, bool cached, long tokens, decimal cost) => new()
    {
        At = at, Kind = "analyzed", Message = "Analyzed", Actor = "analysis",
        Data = new Dictionary<string, string>
        {
            ["cached"] = cached ? "true" : "false", ["tokens"] = tokens.ToString(CultureInfo.InvariantCulture),
            ["costUsd"] = cost.ToString(CultureInfo.InvariantCulture),
        },
    };

    internal static NotificationDelivery Delivery(string incidentId, int n, DateTimeOffset at, DeliveryStatus status) => new()
    {
        Id = $"ntf-{incidentId}-{n}", IncidentId = incidentId, Channel = "ops-slack", ChannelType = "slack-bot",
        EventType = "IncidentOpened", Status = status, Attempts = 1, At = at,
    };

    internal static ApprovalDecision Decision(DateTimeOffset at, bool approved) =>
        new() { Actor = "bob", Channel = "api", Approved = approved, At = at };

    internal static Contracts.Remediation Remediation(string id, string incidentId, DateTimeOffset at, RemediationState state, params ApprovalDecision[] decisions) => new()
    {
        Id = id, IncidentId = incidentId, ActionId = "ecs.force_new_deployment", Rule = "restart", PolicyVersion = "sha256:abc",
        Risk = RiskLevel.Low, ApprovalMode = decisions.Length == 0 ? ApprovalMode.Auto : ApprovalMode.Manual,
        RequiredApprovals = decisions.Length, State = state, RequestedBy = "policy", Decisions = decisions,
        CreatedAt = at, UpdatedAt = at.AddMinutes(45),
    };
}
