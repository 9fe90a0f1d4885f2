using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Tests.Logs;

public sealed class LineTimestampsTests
{
    [Theory]
    [InlineData("2026-11-21T08:01:02Z INFO x", "2026-11-21T08:01:02.0000000+00:00")]
    [InlineData("2026-11-21T08:01:02.345Z INFO x", "2026-11-21T08:01:02.3450000+00:00")]
    [InlineData("2026-11-21T09:01:02.5+01:00 x", "2026-11-21T08:01:02.5000000+00:00")]
    [InlineData("2026-11-21 08:01:02,123 WARN x", "2026-11-21T08:01:02.1230000+00:00")]
    [InlineData("[2026-11-21 08:01:02.123456] x", "2026-11-21T08:01:02.1234560+00:00")]
    [InlineData("2026-11-21T03:01:02-0500 x", "2026-11-21T08:01:02.0000000+00:00")]
    public void TryParse_CommonForms_ReadsUtcTime(string line, string expected)
    {
        LineTimestamps.TryParse(line, out var at).ShouldBeTrue();
        at.ToString("O").ShouldBe(expected);
    }

    [Theory]
    [InlineData("Nov 21 08:01:02 host app: x")]
    [InlineData("2026-13-21T08:01:02Z month 13")]
    [InlineData("2026-02-30T08:01:02Z no such day")]
    [InlineData("12345")]
    [InlineData("")]
    public void TryParse_OtherText_ReturnsFalse(string line) => LineTimestamps.TryParse(line, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2026-11-21T08:01:02.345Z ERROR [payments] x", "ERROR [payments] x")]
    [InlineData("[2026-11-21 08:01:02,123] WARN  y", "WARN  y")]
    [InlineData("2026-11-21T09:01:02+01:00 z", "z")]
    [InlineData("no timestamp here", "no timestamp here")]
    public void StripLeading_LineWithTimestamp_ReturnsTheRestAndTheTime(string line, string rest)
    {
        LineTimestamps.StripLeading(line, out var at).ToString().ShouldBe(rest);
        at.HasValue.ShouldBe(rest != line);
    }
}
