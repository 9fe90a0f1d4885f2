using System.Globalization;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Routing;

/// <summary>Evaluates a quiet-hours window at an instant, in the window's time zone.</summary>
internal static class QuietHours
{
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>True when <paramref name="now"/> falls inside the (validated) window.</summary>
    public static bool IsQuiet(QuietHoursOptions window, DateTimeOffset now)
    {
        if (!window.IsSet || !TryParseTime(window.Start, out var start) || !TryParseTime(window.End, out var end) ||
            !TryFindZone(window.TimeZone, out var zone))
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        // A window past midnight belongs to the day it started on.
        var spansMidnight = start > end;
        var inside = spansMidnight ? time >= start || time < end : time >= start && time < end;
        if (!inside || window.Days.Count == 0)
        {
            return inside;
        }

        var day = spansMidnight && time < end ? local.AddDays(-1).DayOfWeek : local.DayOfWeek;
        return window.Days.Contains(day);
    }
}
