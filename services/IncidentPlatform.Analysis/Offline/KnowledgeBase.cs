using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// The offline analyzer's knowledge: the failure signatures it can recognise in alert and log text. The patterns are
/// the messages real systems print (databases, runtimes, proxies, Kubernetes, AWS), not the wording of any test data.
/// </summary>
internal static partial class KnowledgeBase
{
    /// <summary>Every signature matched against text.</summary>
    public static readonly IReadOnlyList<FailureSignature> Signatures =
    [
        ConnectionPool(), OutOfMemory(), DiskFull(), Saturation(), Timeout(), Upstream(), Tls(), Dns(), Throttling(),
        Authentication(), CrashLoop(), TrafficSurge(),
    ];

    /// <summary>The hypothesis that a change just before the errors caused them (found by time, not by text).</summary>
    public static readonly FailureSignature DeploymentChange = new(
        AnalysisCategories.DeploymentChange,
        "A deployment or configuration change shortly before the errors began caused them.",
        ChangeEvents(),
        1.05,
        Severity.High,
        [
            "Compare the change (version, configuration, flag) with the time the errors began, and the error samples with its diff.",
            "Roll back the change, or switch the flag off, and watch the error rate.",
            "Add the failing case to the change's tests or canary checks before deploying again.",
        ]);

    /// <summary>The steps when nothing matched.</summary>
    public static readonly IReadOnlyList<string> UnknownSteps =
    [
        "Read the sample lines and alerts in full; the analyzer found no known failure signature in them.",
        "Check recent changes, dependencies' health and resource use around the time the incident began.",
        "Record the root cause on the incident once found, so similar incidents are recognised next time.",
    ];
}
