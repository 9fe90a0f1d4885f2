using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary>
/// The two windows a report compares: <c>period</c> (<c>24h</c>, <c>7d</c>, <c>30d</c>…) ending now and the one before it;
/// or <c>from</c>/<c>to</c> and, by default, the window of the same length just before, or <c>compareFrom</c>/<c>compareTo</c>.
/// </summary>
internal static partial class KpiPeriods
{
    public sealed record Windows(DateTimeOffset From, DateTimeOffset To, DateTimeOffset CompareFrom, DateTimeOffset CompareTo);

    public static (Windows? Windows, Dictionary<string, string[]> Errors) Parse(
        string? period, string? from, string? to, string? compareFrom, string? compareTo, DateTimeOffset now, TimeSpan maxWindow)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(period) && (from is not null || to is not null))
        {
            errors["period"] = ["Give 'period' or 'from'/'to', not both."];
            return (null, errors);
        }

        (DateTimeOffset From, DateTimeOffset To) current;
        if (string.IsNullOrWhiteSpace(period) && (from is not null || to is not null))
        {
            var parsed = KpiWindow.Parse(from, to, now, maxWindow);
            if (parsed.Errors.Count > 0)
            {
                return (null, parsed.Errors);
            }

            current = (parsed.From, parsed.To);
        }
        else if (Length(period ?? "7d") is { } length && length <= maxWindow)
        {
            current = (now - length, now);
        }
        else
        {
            errors["period"] = [string.Create(CultureInfo.InvariantCulture,
                $"A length in hours or days, e.g. 24h, 7d or 30d, at most {maxWindow.TotalDays:0.##} days.")];
            return (null, errors);
        }

        if (compareFrom is null && compareTo is null)
        {
            var span = current.To - current.From;
            return (new Windows(current.From, current.To, current.From - span, current.From), errors);
        }

        var baseline = KpiWindow.Parse(compareFrom ?? "", compareTo ?? "", now, maxWindow);
        if (compareFrom is null || compareTo is null || baseline.Errors.Count > 0)
        {
            return (null, new Dictionary<string, string[]>
            {
                ["compareFrom"] = ["Give both 'compareFrom' and 'compareTo' (ISO 8601, 'compareFrom' first) for an explicit baseline."],
            });
        }

        return (new Windows(current.From, current.To, baseline.From, baseline.To), errors);
    }

    private static TimeSpan? Length(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            return null;
        }

        return match.Groups[2].Value == "h" ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
    }

    [GeneratedRegex("^([0-9]{1,5})([hd])$")]
    private static partial Regex Pattern();
}
