using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// A Splunk detection rule (<c>Detector:Rules:&lt;name&gt;</c>): every <see cref="Interval"/>, the search over the
/// window that just ended; its results counted per service; a signal for each service at or above the threshold.
/// </summary>
internal sealed class DetectionRuleOptions
{
    /// <summary>The search (SPL), e.g. <c>index=app level=ERROR | stats count by service</c>; <c>search</c> is
    /// prepended unless it starts with <c>search</c> or <c>|</c>.</summary>
    public string? Query { get; set; }

    /// <summary>How often a window ends; window ends are aligned to multiples of it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The length of a searched window (default: <see cref="Interval"/>; longer makes sliding windows).</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>How long after a window ends it is searched, for events Splunk indexes late.</summary>
    public TimeSpan Lag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The count per service at which it signals.</summary>
    public long Threshold { get; set; } = 1;

    public Severity Severity { get; set; } = Severity.High;

    /// <summary>The result field naming the service.</summary>
    public string ServiceField { get; set; } = "service";

    /// <summary>The result field holding a count (<c>stats count</c>); a result without it counts as one event.</summary>
    public string CountField { get; set; } = "count";

    /// <summary>The alerts' source (default <c>splunk</c>).</summary>
    public string? Source { get; set; }

    /// <summary>The alert title, with <c>{rule}</c>, <c>{service}</c>, <c>{count}</c>, <c>{threshold}</c>, <c>{window}</c>.</summary>
    public string? Title { get; set; }

    public TimeSpan EffectiveWindow => Window ?? Interval;
}
