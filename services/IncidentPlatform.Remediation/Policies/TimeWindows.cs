namespace IncidentPlatform.Remediation.Policies;

/// <summary>When a rule's actions may run: any of <see cref="Allowed"/>, in <see cref="Zone"/>.</summary>
/// <param name="Zone">The time zone the days and hours are in.</param>
/// <param name="Allowed">The windows.</param>
internal sealed record TimeWindows(TimeZoneInfo Zone, IReadOnlyList<TimeWindow> Allowed)
{
    /// <summary>True when <paramref name="instant"/> falls in one of the windows.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return Allowed.Any(w => w.Contains(local.DayOfWeek, local.TimeOfDay));
    }

    /// <summary>A description for notes and errors.</summary>
    public override string ToString() => $"{string.Join("; ", Allowed)} ({Zone.Id})";
}

/// <summary>Days of the week and a time range; a range that ends before it starts runs past midnight.</summary>
/// <param name="Days">The days the window starts on.</param>
/// <param name="From">Start time of day.</param>
/// <param name="To">End time of day (exclusive; up to 24:00).</param>
internal sealed record TimeWindow(IReadOnlySet<DayOfWeek> Days, TimeSpan From, TimeSpan To)
{
    /// <summary>True when the local day and time fall in the window.</summary>
    public bool Contains(DayOfWeek day, TimeSpan time)
    {
        if (From < To)
        {
            return Days.Contains(day) && time >= From && time < To;
        }

        // Overnight: the part after From on a listed day, or the part before To on the day after a listed day.
        var previous = (DayOfWeek)(((int)day + 6) % 7);
        return (Days.Contains(day) && time >= From) || (Days.Contains(previous) && time < To);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(",", Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3].ToLowerInvariant()))} {From:hh\\:mm}-{(To == TimeSpan.FromDays(1) ? "24:00" : To.ToString("hh\\:mm"))}";
}
