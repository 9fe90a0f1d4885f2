using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Tests.Logs;

public sealed class LineLevelsTests
{
    [Theory]
    [InlineData("2026-11-21T08:00:00Z ERROR [payments] charge failed", "Error")]
    [InlineData("2026-11-21 08:00:00,123 WARN  o.a.k.c.NetworkClient - Connection refused", "Warning")]
    [InlineData("Nov 21 08:00:00 host app[42]: FATAL out of file descriptors", "Fatal")]
    [InlineData("I1121 08:00:00.000 INFO started", "Info")]
    [InlineData("time=2026-11-21T08:00:00Z level=error msg=\"dial tcp: connection refused\"", "Error")]
    [InlineData("{\"ts\":1,\"level\":\"warn\",\"msg\":\"slow\"}", "Warning")]
    [InlineData("[error] 1234#0: upstream timed out", "Error")]
    [InlineData("2026-11-21 08:00:00 DEBUG cache hit", "Debug")]
    [InlineData("SEVERE: Servlet.service() threw exception", "Error")]
    public void Detect_ExplicitLevel_ReturnsIt(string line, string expected) =>
        LineLevels.Detect(line).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("Processed 120 orders, 0 errors, error rate 0%")]
    [InlineData("user typed 'fatal' into the search box")]
    [InlineData("GET /api/errors 200 12ms")]
    public void Detect_ErrorWordInProse_IsNotALevel(string line) =>
        LineLevels.Detect(line).ShouldBe(LineLevel.Unknown);

    [Theory]
    [InlineData("java.sql.SQLTransientConnectionException: Connection is not available")]
    [InlineData("Exception in thread \"main\" java.lang.NullPointerException")]
    [InlineData("ValueError: invalid literal for int() with base 10: 'x'")]
    [InlineData("java.lang.OutOfMemoryError")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("panic: runtime error: index out of range [3] with length 3")]
    public void Detect_NoLevelButExceptionLooking_IsError(string line) =>
        LineLevels.Detect(line).ShouldBe(LineLevel.Error);

    [Fact]
    public void Detect_RecordWithStackTraceAndNoLevel_IsError() =>
        LineLevels.Detect("request failed\n\tat com.shop.Checkout.pay(Checkout.java:42)").ShouldBe(LineLevel.Error);

    [Fact]
    public void Detect_InfoRecordMentioningAnException_KeepsItsLevel() =>
        LineLevels.Detect("2026-11-21T08:00:00Z INFO retrying after IOException (attempt 2)").ShouldBe(LineLevel.Info);
}
