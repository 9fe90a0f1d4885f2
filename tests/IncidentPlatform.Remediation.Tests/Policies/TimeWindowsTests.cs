using IncidentPlatform.Remediation.Tests.Infrastructure;

namespace IncidentPlatform.Remediation.Tests.Policies;

public sealed class TimeWindowsTests
{
    private static IncidentPlatform.Remediation.Policies.TimeWindows Windows(string allowed, string zone = "Europe/Berlin") =>
        Infrastructure.Policies.Load($$"""
            rules:
              - name: windowed
                match: {}
                approval: auto
                actions:
                  - action: pagerduty.resolve
                    parameters: {incident: PABC123}
                windows:
                  timeZone: {{zone}}
                  allowed:
            {{allowed}}
            """).Rules.Single().Windows!;

    [Theory]
    [InlineData("2026-03-04T07:00:00Z", true)]   // Wednesday 08:00 in Berlin (UTC+1)
    [InlineData("2026-03-04T06:59:00Z", false)]  // 07:59 in Berlin
    [InlineData("2026-03-04T16:59:00Z", true)]   // 17:59
    [InlineData("2026-03-04T17:00:00Z", false)]  // 18:00: the end is exclusive
    [InlineData("2026-03-07T10:00:00Z", false)]  // Saturday
    [InlineData("2026-07-01T06:30:00Z", true)]   // 08:30 in Berlin summer time (UTC+2)
    public void Contains_WeekdayWorkingHoursInZone(string instant, bool expected)
    {
        var windows = Windows("          - days: [weekdays]\n            hours: \"08:00-18:00\"");

        windows.Contains(DateTimeOffset.Parse(instant)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-06T22:30:00Z", true)]   // Friday 23:30
    [InlineData("2026-03-07T04:00:00Z", true)]   // Saturday 05:00, the tail of Friday's night
    [InlineData("2026-03-07T22:30:00Z", false)]  // Saturday 23:30: Saturday is not listed
    [InlineData("2026-03-05T12:00:00Z", false)]  // Thursday noon
    public void Contains_OvernightWindow_RunsPastMidnight(string instant, bool expected)
    {
        var windows = Windows("          - days: [fri]\n            hours: \"22:00-06:00\"");

        windows.Contains(DateTimeOffset.Parse(instant)).ShouldBe(expected);
    }

    [Fact]
    public void Contains_SeveralWindows_AnyOneSuffices()
    {
        var windows = Windows("          - days: [mon]\n            hours: \"09:00-10:00\"\n          - days: [weekend]", "UTC");

        windows.Contains(TestData.Wednesday10).ShouldBeFalse();
        windows.Contains(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        windows.Contains(new DateTimeOffset(2026, 3, 8, 23, 59, 0, TimeSpan.Zero)).ShouldBeTrue();
    }
}
