using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>
/// A static threshold for log templates (<c>Detector:Anomaly:Thresholds:&lt;name&gt;</c>): when a matching template is
/// counted <see cref="Count"/> times or more in one bucket, it signals. Every filter given must match.
/// </summary>
internal sealed class TemplateThresholdOptions
{
    /// <summary>A template id, or a regular expression over the template text.</summary>
    public string? Match { get; set; }

    /// <summary>Only templates of this level or worse.</summary>
    public LineLevel? Level { get; set; }

    /// <summary>Only this service.</summary>
    public string? Service { get; set; }

    /// <summary>Only this log source (<c>file:&lt;name&gt;</c>, <c>file:demo</c>, <c>events:&lt;source&gt;:&lt;service&gt;</c>).</summary>
    public string? Source { get; set; }

    /// <summary>Records per bucket at which it fires.</summary>
    public int Count { get; set; }

    public Severity Severity { get; set; } = Severity.High;
}
