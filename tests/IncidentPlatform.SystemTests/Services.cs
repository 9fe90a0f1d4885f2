using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.SystemTests;

/// <summary>The five service projects and the configuration that wires them (DESIGN.md's names).</summary>
internal static class Services
{
    public static readonly string[] All =
    [
        "IncidentPlatform.Detector", "IncidentPlatform.Analysis", "IncidentPlatform.Remediation",
        "IncidentPlatform.Notifier", "IncidentPlatform.Gateway",
    ];

    public static Dictionary<string, string?> Configuration(string messaging) => new()
    {
        [$"ConnectionStrings:{ResourceNames.Messaging}"] = messaging,
    };
}
