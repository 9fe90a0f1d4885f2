using System.Text;
using IncidentPlatform.Detector.Splunk;

namespace IncidentPlatform.Detector.Tests.Splunk;

public sealed class ExportStreamTests
{
    private static async Task<List<ExportRow>> ReadAsync(string body)
    {
        var rows = new List<ExportRow>();
        await ExportStream.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), rows.Add, CancellationToken.None);
        return rows;
    }

    [Fact]
    public async Task Read_PreviewThenFinalSet_MarksThePreviewAndCountsOnlyTheFinalRows()
    {
        var rows = await ReadAsync(
            "{\"preview\":true,\"offset\":0,\"lastrow\":true,\"result\":{\"service\":\"a\",\"count\":\"3\"}}\n" +
            "{\"preview\":false,\"offset\":0,\"result\":{\"service\":\"a\",\"count\":\"7\"}}\n" +
            "{\"preview\":false,\"offset\":1,\"lastrow\":true,\"result\":{\"service\":[\"b\",\"b2\"],\"count\":2}}\n");
        var counts = new RuleCounts("service", "count", 5);
        rows.ForEach(counts.Add);

        rows.Select(r => r.Preview).ShouldBe([true, false, false]);
        counts.Services.Select(s => (s.Service, s.Count)).ShouldBe([("a", 7L), ("b", 2L)]);
        counts.Events.ShouldBe(9);
    }

    [Fact]
    public async Task Read_RawEventsWithoutCounts_CountOneEachAndKeepRawSamples()
    {
        var rows = await ReadAsync(
            "{\"preview\":false,\"offset\":0,\"result\":{\"_raw\":\"ERROR one\",\"service\":\"a\"}}\n" +
            "{\"preview\":false,\"offset\":1,\"lastrow\":true,\"result\":{\"_raw\":\"ERROR two\"}}\n");
        var counts = new RuleCounts("service", "count", 5);
        rows.ForEach(counts.Add);

        counts.Services.Select(s => (s.Service, s.Count, s.Samples.Single())).ShouldBe([("a", 1L, "ERROR one"), ("unknown", 1L, "ERROR two")]);
    }

    [Fact]
    public async Task Read_NoResults_IsFine() => (await ReadAsync("")).ShouldBeEmpty();

    [Fact]
    public async Task Read_InfoMessages_AreNotErrors() =>
        (await ReadAsync("{\"messages\":[{\"type\":\"INFO\",\"text\":\"Your timerange was substituted\"}]}\n")).ShouldBeEmpty();

    [Fact]
    public void MessagesOf_ErrorBody_JoinsTheTexts() =>
        ExportStream.MessagesOf("{\"messages\":[{\"type\":\"FATAL\",\"text\":\"bad\"},{\"type\":\"WARN\",\"text\":\"worse\"}]}")
            .ShouldBe("FATAL: bad; WARN: worse");

    [Fact]
    public void Signals_ManyServicesOverTheThreshold_KeepsTheHighestCountsAndBoundsTheServicesCounted()
    {
        var counts = new RuleCounts("service", "count", 1);
        for (var i = 0; i < RuleCounts.MaxServices + 50; i++)
        {
            counts.Add(new ExportRow(false, new Dictionary<string, string> { ["service"] = $"s{i}", ["count"] = $"{i}" }));
        }

        var rule = new DetectionRuleOptions { Query = "x", Threshold = 1 };
        var signals = RuleSignals.Create("r", rule, counts, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1));

        counts.Services.Count().ShouldBe(RuleCounts.MaxServices + 1);
        counts.Services.Single(s => s.Service == RuleCounts.OtherServices).Count
            .ShouldBe(Enumerable.Range(RuleCounts.MaxServices, 50).Sum(i => (long)i));
        signals.Count.ShouldBe(RuleSignals.MaxSignals);
        signals[0].Service.ShouldBe(RuleCounts.OtherServices);
        signals[1].Service.ShouldBe($"s{RuleCounts.MaxServices - 1}");
    }
}
