namespace IncidentPlatform.Contracts;

/// <summary>The fixed taxonomy of root-cause categories shared by analysis, policies and reports.</summary>
public static class AnalysisCategories
{
    /// <summary>Connection pool exhausted (database, HTTP client).</summary>
    public const string ConnectionPoolExhaustion = "connection-pool-exhaustion";

    /// <summary>Out of memory: heap, container OOM kill.</summary>
    public const string OutOfMemory = "out-of-memory";

    /// <summary>Disk or volume full.</summary>
    public const string DiskFull = "disk-full";

    /// <summary>CPU or other resource saturation.</summary>
    public const string ResourceSaturation = "resource-saturation";

    /// <summary>Timeouts calling a dependency.</summary>
    public const string Timeout = "timeout";

    /// <summary>An upstream dependency answering 5xx.</summary>
    public const string UpstreamError = "upstream-error";

    /// <summary>Expired or invalid TLS certificate.</summary>
    public const string TlsCertificate = "tls-certificate";

    /// <summary>DNS resolution failures.</summary>
    public const string Dns = "dns";

    /// <summary>Rate limiting or throttling by a dependency.</summary>
    public const string Throttling = "throttling";

    /// <summary>Authentication or authorization failures.</summary>
    public const string Authentication = "authentication";

    /// <summary>A process or container restarting repeatedly.</summary>
    public const string CrashLoop = "crash-loop";

    /// <summary>A deployment or configuration change just before the errors.</summary>
    public const string DeploymentChange = "deployment-change";

    /// <summary>A surge of traffic beyond capacity.</summary>
    public const string TrafficSurge = "traffic-surge";

    /// <summary>Nothing matched with confidence.</summary>
    public const string Unknown = "unknown";

    /// <summary>Every category, in a stable order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ConnectionPoolExhaustion, OutOfMemory, DiskFull, ResourceSaturation, Timeout, UpstreamError, TlsCertificate,
        Dns, Throttling, Authentication, CrashLoop, DeploymentChange, TrafficSurge, Unknown,
    ];
}
