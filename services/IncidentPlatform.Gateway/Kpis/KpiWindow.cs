using System.Globalization;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>Reads a KPI window from <c>from</c> and <c>to</c> (ISO 8601; <c>to</c> defaults to now, <c>from</c> to a day
/// before <c>to</c>), with the reasons it is not valid.</summary>
internal static class KpiWindow
{
    public static (DateTimeOffset From, DateTimeOffset To, Dictionary<string, string[]> Errors) Parse(
        string? from, string? to, DateTimeOffset now, TimeSpan maxWindow)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Time(to, "to", errors) ?? now;
        var start = Time(from, "from", errors) ?? end - TimeSpan.FromDays(1);
        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = ["Must be before 'to'."];
        }
        else if (errors.Count == 0 && end - start > maxWindow)
        {
            errors["to"] = [string.Create(CultureInfo.InvariantCulture, $"The window is at most {maxWindow.TotalDays:0.##} days.")];
        }

        return (start, end, errors);
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        errors[name] = ["An ISO 8601 time, e.g. 2026-11-21T08:00:00Z."];
        return null;
    }
}
