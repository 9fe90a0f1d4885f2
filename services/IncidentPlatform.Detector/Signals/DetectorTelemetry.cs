using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Detector.Signals;

/// <summary>The detector's meter and activity source, <c>IncidentPlatform.Detector</c> (recorded by ServiceDefaults).</summary>
internal static class DetectorTelemetry
{
    public const string Name = "IncidentPlatform.Detector";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Log records mined and counted, by source.</summary>
    public static readonly Counter<long> LinesProcessed =
        Meter.CreateCounter<long>("detector.lines.processed", "{record}", "Log records through the miner and the anomaly detector");

    /// <summary>Records mined but not counted: older than the open time buckets, or past the series limit.</summary>
    public static readonly Counter<long> LinesUncounted =
        Meter.CreateCounter<long>("detector.lines.uncounted", "{record}", "Log records mined but not counted for anomalies");

    /// <summary>New templates learnt, by source.</summary>
    public static readonly Counter<long> TemplatesCreated =
        Meter.CreateCounter<long>("detector.templates.created", "{template}", "Templates the miners created");

    /// <summary>Signals raised as alerts, by source and kind.</summary>
    public static readonly Counter<long> Signals =
        Meter.CreateCounter<long>("detector.signals", "{signal}", "Signals raised as alerts");

    /// <summary>Splunk searches run, by rule and outcome.</summary>
    public static readonly Counter<long> SplunkPolls =
        Meter.CreateCounter<long>("detector.splunk.polls", "{search}", "Splunk searches run for detection rules");

    /// <summary>Splunk searches that failed, by rule and error kind.</summary>
    public static readonly Counter<long> SplunkErrors =
        Meter.CreateCounter<long>("detector.splunk.errors", "{search}", "Splunk searches that failed");

    /// <summary>Splunk windows skipped because they lay beyond the catch-up limit.</summary>
    public static readonly Counter<long> SplunkWindowsSkipped =
        Meter.CreateCounter<long>("detector.splunk.windows_skipped", "{window}", "Windows skipped after downtime");
}
