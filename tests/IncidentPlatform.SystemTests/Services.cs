using IncidentPlatform.ServiceDefaults;

namespace IncidentPlatform.SystemTests;

/// <summary>The five service projects and the configuration that wires them (DESIGN.md's names).</summary>
internal static class Services
{
    public const string AdminKey = "system-test-admin-key-0123456789";

    public static readonly string[] All =
    [
        "IncidentPlatform.Detector", "IncidentPlatform.Analysis", "IncidentPlatform.Remediation",
        "IncidentPlatform.Notifier", "IncidentPlatform.Gateway",
    ];

    /// <summary>What an orchestrator gives every service: the two connection strings (and the gateway its keys).</summary>
    public static Dictionary<string, string?> Configuration(string? messaging, string? redis) => new()
    {
        [$"ConnectionStrings:{ResourceNames.Messaging}"] = messaging,
        [$"ConnectionStrings:{ResourceNames.Redis}"] = redis,
        ["Auth:ApiKeys:admin:Key"] = AdminKey,
        ["Auth:ApiKeys:admin:Scopes"] = "admin",
    };
}
