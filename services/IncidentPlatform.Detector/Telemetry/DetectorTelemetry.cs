using System.Diagnostics;
using System.Diagnostics.Metrics;
using IncidentPlatform.Detector.Correlation;

namespace IncidentPlatform.Detector.Telemetry;

/// <summary>
/// The detector's ActivitySource and Meter, <c>incidentplatform.detector</c>, with instruments named
/// <c>incidentplatform.detector.*</c> (recorded by ServiceDefaults' <c>incidentplatform.*</c>).
/// </summary>
internal static class DetectorTelemetry
{
    public const string Name = "incidentplatform.detector";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Log records mined and counted, by source.</summary>
    public static readonly Counter<long> LinesProcessed = Meter.CreateCounter<long>(
        "incidentplatform.detector.lines.processed", "{record}", "Log records through the miner and the anomaly detector");

    /// <summary>Records mined but not counted: older than the open time buckets, or past the series limit.</summary>
    public static readonly Counter<long> LinesUncounted = Meter.CreateCounter<long>(
        "incidentplatform.detector.lines.uncounted", "{record}", "Log records mined but not counted for anomalies");

    /// <summary>New templates learnt, by source.</summary>
    public static readonly Counter<long> TemplatesCreated = Meter.CreateCounter<long>(
        "incidentplatform.detector.templates.created", "{template}", "Templates the miners created");

    /// <summary>Signals raised as alerts, by source and kind.</summary>
    public static readonly Counter<long> Signals = Meter.CreateCounter<long>(
        "incidentplatform.detector.signals", "{signal}", "Signals raised as alerts");

    /// <summary>Splunk searches run, by rule and outcome.</summary>
    public static readonly Counter<long> SplunkPolls = Meter.CreateCounter<long>(
        "incidentplatform.detector.splunk.polls", "{search}", "Splunk searches run for detection rules");

    /// <summary>Splunk searches that failed, by rule and error kind.</summary>
    public static readonly Counter<long> SplunkErrors = Meter.CreateCounter<long>(
        "incidentplatform.detector.splunk.errors", "{search}", "Splunk searches that failed");

    /// <summary>Splunk windows skipped because they lay beyond the catch-up limit.</summary>
    public static readonly Counter<long> SplunkWindowsSkipped = Meter.CreateCounter<long>(
        "incidentplatform.detector.splunk.windows_skipped", "{window}", "Windows skipped after downtime");

    private static readonly Counter<long> AlertsCorrelated = Meter.CreateCounter<long>(
        "incidentplatform.detector.alerts.correlated", "{alert}",
        "Alerts applied to incidents, by outcome (opened, updated, reopened, resolved, duplicate, ignored).");

    private static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>(
        "incidentplatform.detector.incident_events.published", "{event}", "Incident events published by the correlation, by type.");

    /// <summary>An alert was applied to its incident.</summary>
    public static void Correlated(CorrelationKind kind) =>
        AlertsCorrelated.Add(1, new KeyValuePair<string, object?>("outcome", kind.ToString().ToLowerInvariant()));

    /// <summary>The correlation published an incident event.</summary>
    public static void Published(string type) => EventsPublished.Add(1, new KeyValuePair<string, object?>("type", type));
}
