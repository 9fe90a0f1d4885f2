using System.Text.Json;
using IncidentPlatform.Detector.LogTemplates;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class TemplateSnapshotTests
{
    private static readonly string[] Lines =
    [
        "Connection from 10.0.0.1 closed after 12 ms",
        "Connection from 10.0.0.2 closed after 7 ms",
        "task 12 moved from NEW to RUNNING",
        "job build-7 failed with code 3",
        "job deploy-12 failed with code 3",
        "host:80 close, 451 bytes sent, 846 bytes received, lifetime 00:01",
        "host:80 close, 451 bytes sent, 18846 bytes (18.4 KB) received, lifetime <1 sec",
    ];

    [Fact]
    public void Restore_JsonRoundTrip_KeepsIdsTemplatesAndSizes()
    {
        var miner = Learn(Lines);

        var restored = RoundTrip(miner);

        restored.Clusters.Select(c => (c.Id, c.Text, c.Size)).ShouldBe(miner.Clusters.Select(c => (c.Id, c.Text, c.Size)));
        restored.ChangeCount.ShouldBe(0);
    }

    [Fact]
    public void Restore_RestoredMiner_AssignsSameIdsToSameLines()
    {
        var original = Learn(Lines);
        var restored = RoundTrip(original);
        string[] more =
        [
            "Connection from 192.168.1.9 closed after 3 ms",
            "task 99 moved from NEW to RUNNING",
            "job test-1 failed with code 3",
            "other:443 close, 1 bytes (1 KB) sent, 2 bytes received, lifetime 01:00",
            "a line never seen before 1",
        ];

        foreach (var line in more)
        {
            restored.Add(line).ShouldBe(original.Add(line), line);
        }
    }

    [Fact]
    public void Restore_UnknownFormat_Throws()
    {
        var snapshot = new TemplateSnapshot(Format: 99, Depth: 2, Clusters: []);

        Should.Throw<NotSupportedException>(() => TemplateMiner.Restore(snapshot));
    }

    [Fact]
    public void Merge_OtherReplicasState_KeepsBothIdsAndWidensShared()
    {
        var ours = Learn(["payment 1 declined for card A", "order 7 shipped"]);
        var theirs = Learn(["payment 2 declined for card A", "refund 3 issued"]);
        var sharedId = ours.Clusters[0].Id;
        theirs.Add("payment 5 declined for card B-1");

        ours.Merge(theirs.ToSnapshot());

        ours.Clusters.Select(c => c.Id).ShouldBe(ours.Clusters.Select(c => c.Id).Distinct());
        ours.Find(sharedId)!.Text.ShouldBe("payment <NUM> declined for card <*>");
        ours.Add("refund 9 issued").TemplateId.ShouldBe(theirs.Clusters[1].Id);
        ours.Add("order 8 shipped").TemplateId.ShouldBe(ours.Clusters[1].Id);
    }

    private static TemplateMiner Learn(IEnumerable<string> lines)
    {
        var miner = new TemplateMiner();
        foreach (var line in lines)
        {
            miner.Add(line);
        }

        return miner;
    }

    private static TemplateMiner RoundTrip(TemplateMiner miner)
    {
        var json = JsonSerializer.Serialize(miner.ToSnapshot(), TemplateJsonContext.Default.TemplateSnapshot);
        return TemplateMiner.Restore(JsonSerializer.Deserialize(json, TemplateJsonContext.Default.TemplateSnapshot)!);
    }
}
