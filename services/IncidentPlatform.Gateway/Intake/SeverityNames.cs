using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>Maps the severity words of alerting tools onto <see cref="Severity"/>.</summary>
internal static class SeverityNames
{
    private static readonly Dictionary<string, Severity> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = Severity.Critical, ["crit"] = Severity.Critical, ["fatal"] = Severity.Critical,
        ["emergency"] = Severity.Critical, ["disaster"] = Severity.Critical, ["p1"] = Severity.Critical,
        ["high"] = Severity.High, ["error"] = Severity.High, ["err"] = Severity.High, ["major"] = Severity.High,
        ["p2"] = Severity.High,
        ["medium"] = Severity.Medium, ["warning"] = Severity.Medium, ["warn"] = Severity.Medium,
        ["average"] = Severity.Medium, ["p3"] = Severity.Medium,
        ["low"] = Severity.Low, ["minor"] = Severity.Low, ["p4"] = Severity.Low,
        ["info"] = Severity.Info, ["informational"] = Severity.Info, ["notice"] = Severity.Info,
        ["none"] = Severity.Info, ["p5"] = Severity.Info,
    };

    /// <summary>The accepted words, for error messages.</summary>
    public static string Accepted => "critical, high (error), medium (warning), low, info";

    public static bool TryParse(string? value, out Severity severity) =>
        Words.TryGetValue(value?.Trim() ?? "", out severity);
}
