using System.Diagnostics.Metrics;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The correlation's instruments on the detector's meter (<c>IncidentPlatform.Detector</c>).</summary>
internal sealed class CorrelationMetrics : IDisposable
{
    public const string MeterName = "IncidentPlatform.Detector";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _events;

    public CorrelationMetrics()
    {
        _alerts = _meter.CreateCounter<long>("incidentplatform.detector.alerts.correlated", "{alert}",
            "Alerts applied to incidents, by outcome (opened, updated, reopened, resolved, duplicate, ignored).");
        _events = _meter.CreateCounter<long>("incidentplatform.detector.incident_events.published", "{event}",
            "Incident events published by the correlation, by type.");
    }

    public void Correlated(CorrelationKind kind) =>
        _alerts.Add(1, new KeyValuePair<string, object?>("outcome", kind.ToString().ToLowerInvariant()));

    public void Published(string type) => _events.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Dispose() => _meter.Dispose();
}
