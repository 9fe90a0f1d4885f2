using IncidentPlatform.Detector.Anomalies;
using IncidentPlatform.Detector.Files;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Demo;

/// <summary>How the demo log is tailed and judged: a file source like any other, plus one threshold for its errors.</summary>
internal static class DemoSource
{
    public const string Name = "demo";

    public const string SourceId = "file:" + Name;

    public const string ThresholdName = "demo-errors";

    /// <summary>The ECS cluster the demo's services run in (a label of every demo signal).</summary>
    public const string Cluster = "shop-prod";

    /// <summary>Lines look like <c>2026-11-21T08:00:00.123Z ERROR [payments] …</c>; the bracket names the service.</summary>
    public const string ServicePattern = @"^\S+\s+[A-Z]+\s+\[(?<service>[a-z][a-z0-9-]*)\]";

    public static FileSourceOptions Options(string logFile, DemoOptions demo) => new()
    {
        Path = logFile,
        Service = "demo",
        ServicePattern = ServicePattern,
        StartAt = TailStart.Beginning, // its first lines teach the normal templates during the warm-up
        WarmUp = demo.WarmUp,
        // The demo's five services run as ECS services of one cluster: the sample policy's redeploy rule needs its name.
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["cluster"] = Cluster },
    };

    public static TemplateThresholdOptions Threshold(DemoOptions demo) => new()
    {
        Source = SourceId,
        Level = LineLevel.Error,
        Count = demo.ErrorThreshold,
        Severity = Contracts.Severity.High,
    };
}
