namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// The demo log source (<c>Detector:Demo</c>): a realistic multi-service log written to a file in the data directory,
/// with a fault injected every few minutes, tailed like any log file — so a first run shows incidents with no setup.
/// On by default in the standalone host only.
/// </summary>
internal sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>The log file (default <c>&lt;IncidentPlatform:DataDirectory&gt;/demo/services.log</c>).</summary>
    public string? Path { get; set; }

    /// <summary>When the first fault (the search crash loop, remediated automatically) starts after the host starts.</summary>
    public TimeSpan FirstFaultAfter { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>When the second fault (the CPU alarm, waiting for an approval) starts after the host starts.</summary>
    public TimeSpan SecondFaultAfter { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>From the start of one fault to the start of the next, from the second on.</summary>
    public TimeSpan FaultInterval { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long a fault lasts.</summary>
    public TimeSpan FaultDuration { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Normal traffic, in records per second across all services.</summary>
    public double RecordsPerSecond { get; set; } = 12;

    /// <summary>The demo source's anomaly warm-up: short, since the demo starts with clean traffic (and ends before the first fault).</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Records a second that a fault writes, spread over its kinds.</summary>
    public double FaultRecordsPerSecond { get; set; } = 4;

    /// <summary>Error records of one template per bucket that make an incident (normal error noise stays below).</summary>
    public int ErrorThreshold { get; set; } = 15;

    /// <summary>The file is rotated (renamed to <c>.1</c>) at this size.</summary>
    public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;
}
