using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

internal static partial class PolicyParser
{
    private static readonly Dictionary<string, DayOfWeek[]> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = [DayOfWeek.Monday], ["tue"] = [DayOfWeek.Tuesday], ["wed"] = [DayOfWeek.Wednesday],
        ["thu"] = [DayOfWeek.Thursday], ["fri"] = [DayOfWeek.Friday], ["sat"] = [DayOfWeek.Saturday],
        ["sun"] = [DayOfWeek.Sunday],
        ["weekdays"] = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        ["weekend"] = [DayOfWeek.Saturday, DayOfWeek.Sunday],
        ["daily"] = System.Enum.GetValues<DayOfWeek>(),
    };

    private static TimeWindows? ParseWindows(YamlReader reader, YamlNode node, string rule)
    {
        if (reader.Mapping(node, $"{rule} windows") is not { } mapping)
        {
            return null;
        }

        var zone = TimeZoneInfo.Utc;
        var allowed = new List<TimeWindow>();
        foreach (var (key, _, value) in reader.Entries(mapping, $"{rule} windows", "timeZone", "allowed"))
        {
            if (key == "timeZone")
            {
                if (reader.Scalar(value, $"{rule} windows.timeZone") is { } id)
                {
                    try
                    {
                        zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                    }
                    catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
                    {
                        reader.Error(value, $"{rule}: unknown time zone '{id}' (use an IANA name such as Europe/Berlin)");
                    }
                }
            }
            else if (value is YamlSequenceNode { Children.Count: > 0 } windows)
            {
                allowed.AddRange(windows.Children.Select(w => ParseWindow(reader, w, rule)).OfType<TimeWindow>());
            }
            else
            {
                reader.Error(value, $"{rule} windows.allowed must be a list of {{days, hours}}");
            }
        }

        if (allowed.Count == 0)
        {
            reader.Error(mapping, $"{rule} windows needs at least one allowed window");
        }

        return new TimeWindows(zone, allowed);
    }

    private static TimeWindow? ParseWindow(YamlReader reader, YamlNode node, string rule)
    {
        if (reader.Mapping(node, $"{rule} each window") is not { } mapping)
        {
            return null;
        }

        var days = new HashSet<DayOfWeek>(System.Enum.GetValues<DayOfWeek>());
        var (from, to) = (TimeSpan.Zero, TimeSpan.FromDays(1));
        foreach (var (key, _, value) in reader.Entries(mapping, $"{rule} window", "days", "hours"))
        {
            if (key == "days")
            {
                days.Clear();
                foreach (var day in reader.ScalarOrList(value, $"{rule} window days"))
                {
                    if (DayNames.TryGetValue(day, out var list))
                    {
                        days.UnionWith(list);
                    }
                    else
                    {
                        reader.Error(value, $"{rule}: unknown day '{day}' (mon…sun, weekdays, weekend, daily)");
                    }
                }
            }
            else if (reader.Scalar(value, $"{rule} window hours") is { } hours)
            {
                var match = HoursRange().Match(hours);
                if (match.Success && TimeOfDay(match.Groups[1].Value) is { } start && TimeOfDay(match.Groups[2].Value) is { } end &&
                    start != end && start < TimeSpan.FromDays(1))
                {
                    (from, to) = (start, end);
                }
                else
                {
                    reader.Error(value, $"{rule}: hours '{hours}' must look like 08:00-18:00 (22:00-06:00 runs past midnight)");
                }
            }
        }

        return new TimeWindow(days, from, to);
    }

    private static TimeSpan? TimeOfDay(string text)
    {
        var parts = text.Split(':');
        var (hours, minutes) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        return (hours < 24 && minutes < 60) || (hours == 24 && minutes == 0) ? new TimeSpan(hours, minutes, 0) : null;
    }

    [GeneratedRegex(@"^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HoursRange();
}
