namespace IncidentPlatform.Notifier.Configuration;

/// <summary>
/// A daily window (local time of <see cref="TimeZone"/>) in which only critical notifications go through; the rest are
/// recorded as suppressed. <see cref="Start"/> after <see cref="End"/> spans midnight (22:00–07:00).
/// </summary>
public sealed class QuietHoursOptions
{
    /// <summary>Start of the window, <c>HH:mm</c>.</summary>
    public string? Start { get; set; }

    /// <summary>End of the window, <c>HH:mm</c> (exclusive).</summary>
    public string? End { get; set; }

    /// <summary>An IANA time zone id such as <c>Europe/Berlin</c>; UTC when unset.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Days the window applies to (<c>Monday</c>…); every day when empty.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>True when a window is configured.</summary>
    public bool IsSet => !string.IsNullOrWhiteSpace(Start) || !string.IsNullOrWhiteSpace(End);
}
