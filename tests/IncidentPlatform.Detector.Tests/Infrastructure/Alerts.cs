using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Tests.Infrastructure;

/// <summary>Alerts for tests, one builder per kind of source.</summary>
internal static class Alerts
{
    private static int _next;

    public static string NextId() => $"alt-test-{Interlocked.Increment(ref _next)}";

    public static Alert Generic(string? id = null, string title = "Checkout 5xx above 5%", Severity severity = Severity.High,
        string service = "checkout", string source = "my-app", DateTimeOffset? at = null, AlertStatus status = AlertStatus.Firing,
        IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Id = id ?? NextId(),
        Source = source,
        Title = title,
        Message = "m",
        Severity = severity,
        Timestamp = at ?? CorrelationFixtureTime,
        Service = service,
        Status = status,
        Labels = labels ?? new Dictionary<string, string>(),
        ReceivedAt = at ?? CorrelationFixtureTime,
    };

    public static Alert Alertmanager(IReadOnlyDictionary<string, string> labels, AlertStatus status = AlertStatus.Firing,
        DateTimeOffset? at = null, Severity severity = Severity.High) =>
        Generic(title: labels.GetValueOrDefault("alertname") ?? "x", source: "alertmanager", status: status, at: at,
            labels: labels, severity: severity, service: labels.GetValueOrDefault("service") ?? "checkout");

    public static Alert CloudWatch(string alarmArn, AlertStatus status = AlertStatus.Firing, DateTimeOffset? at = null) =>
        Generic(title: "ALARM: cpu", source: "cloudwatch", status: status, at: at) with { Fingerprint = alarmArn };

    public static Alert Signal(string templateId, string service = "checkout", string source = "splunk", DateTimeOffset? at = null,
        Severity severity = Severity.Medium) =>
        Generic(title: $"Errors in {templateId}", service: service, source: source, at: at, severity: severity) with
        {
            Evidence = new SignalEvidence
            {
                Kind = SignalKind.Baseline, TemplateId = templateId, Template = $"template {templateId}", Count = 42,
                WindowStart = at ?? CorrelationFixtureTime, WindowEnd = at ?? CorrelationFixtureTime,
            },
        };

    private static DateTimeOffset CorrelationFixtureTime => CorrelationFixture.T0;
}
