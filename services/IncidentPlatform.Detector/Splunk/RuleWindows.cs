namespace IncidentPlatform.Detector.Splunk;

/// <summary>Window arithmetic: window ends are multiples of the rule's interval (since the Unix epoch, UTC).</summary>
internal static class RuleWindows
{
    public static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan step) =>
        new(time.UtcTicks - (time.UtcTicks % step.Ticks), TimeSpan.Zero);

    /// <summary>The end of the latest window that may be searched at <paramref name="now"/> (its lag has passed).</summary>
    public static DateTimeOffset LatestEnd(DateTimeOffset now, DetectionRuleOptions rule) => AlignDown(now - rule.Lag, rule.Interval);
}
