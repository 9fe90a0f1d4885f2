namespace IncidentPlatform.Contracts;

/// <summary>
/// One signal from outside or from the detector itself: a webhook alert, a Splunk rule hit, an anomaly in a log
/// stream. Its text is untrusted input.
/// </summary>
public sealed record Alert
{
    /// <summary>Our id for the alert.</summary>
    public required string Id { get; init; }

    /// <summary>Where it came from: <c>generic</c>, <c>cloudwatch</c>, <c>alertmanager</c>, <c>grafana</c>,
    /// <c>pagerduty</c>, <c>splunk</c>, <c>logs</c>, <c>detector</c>…</summary>
    public required string Source { get; init; }

    /// <summary>The sender's own id for this notification, when it has one; used to drop retried deliveries.</summary>
    public string? ExternalId { get; init; }

    /// <summary>A one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>The body: description, log line, alarm reason.</summary>
    public required string Message { get; init; }

    /// <summary>The severity the sender gave (mapped to ours).</summary>
    public required Severity Severity { get; init; }

    /// <summary>When the condition was observed, by the sender's clock (see <see cref="TimestampFromReceipt"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the sender gave no time: <see cref="Timestamp"/> is when we received the alert.</summary>
    public bool TimestampFromReceipt { get; init; }

    /// <summary>The affected service, when known.</summary>
    public string? Service { get; init; }

    /// <summary>Labels (Alertmanager labels, CloudWatch dimensions, rule fields).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Firing or resolved.</summary>
    public AlertStatus Status { get; init; } = AlertStatus.Firing;

    /// <summary>The correlation fingerprint, set by the source when it knows a stable one (alarm ARN, Alertmanager
    /// fingerprint); otherwise the detector computes it.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>When we received it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>What the detector measured, for alerts raised from logs or searches.</summary>
    public SignalEvidence? Evidence { get; init; }
}
