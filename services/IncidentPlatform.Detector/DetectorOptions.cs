using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Detector.Splunk;

namespace IncidentPlatform.Detector;

/// <summary>The detector's signal sources and detection (section <c>Detector</c>).</summary>
internal sealed class DetectorOptions
{
    public const string Section = "Detector";

    /// <summary>Splunk detection rules by name (<c>Detector:Rules:&lt;name&gt;:Query</c>…).</summary>
    public Dictionary<string, DetectionRuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Log files to tail by name (<c>Detector:Files:&lt;name&gt;:Path</c>…).</summary>
    public Dictionary<string, FileSourceOptions> Files { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The demo log source (<c>Detector:Demo:Enabled</c>…).</summary>
    public DemoOptions Demo { get; set; } = new();

    /// <summary>Anomaly detection over log templates (<c>Detector:Anomaly:…</c>).</summary>
    public AnomalyOptions Anomaly { get; set; } = new();
}
