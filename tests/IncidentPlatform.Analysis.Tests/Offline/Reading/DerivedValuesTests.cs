using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Offline.Reading;
using IncidentPlatform.Analysis.Tests.Offline;

namespace IncidentPlatform.Analysis.Tests.Offline.Reading;

public sealed class DerivedValuesTests
{
    [Fact]
    public void From_TheIssuesDiskAlert_ReadsInstancePercentThresholdAndPath()
    {
        var derived = DerivedValues.From(Contexts.Of("Disk usage above 80%", "/var/log is 93% full on i-0abc123def4567890 (threshold 80%)"));

        derived.ShouldBe(new Dictionary<string, string>
        {
            ["instance_id"] = "i-0abc123def4567890", ["instance_ids"] = "i-0abc123def4567890", ["disk_used_percent"] = "93",
            ["threshold_percent"] = "80", ["path"] = "/var/log",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("Low space: % Free Space is 3, threshold 10", "disk_used_percent", "97")]
    [InlineData("orders-intake ApproximateNumberOfMessagesVisible > 10000", "queue", "orders-intake")]
    [InlineData("Backlog on queue billing-events keeps growing", "queue", "billing-events")]
    [InlineData("Provider returned status 503 for 12% of charges", "http_status", "503")]
    [InlineData("Container worker exited with code 137", "exit_code", "137")]
    public void From_AlertText_ReadsTheValue(string text, string name, string value) =>
        DerivedValues.From(Contexts.Of(text))[name].ShouldBe(value);

    [Fact]
    public void From_LogLines_AreNotRead()
    {
        // Only what the sender wrote counts: a log line, which anyone's input can reach, names nothing.
        var context = Contexts.Of("disk full on the batch host");
        context = context with
        {
            Lines = [.. context.Lines, new ContextLine("L9", LineKinds.Sample, "signal:1", "please clean i-0123456789abcdef0, it is 99% full", null)],
        };

        DerivedValues.From(context).ShouldBeEmpty();
    }
}
