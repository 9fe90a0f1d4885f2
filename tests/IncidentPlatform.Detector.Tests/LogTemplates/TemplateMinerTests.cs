using IncidentPlatform.Detector.LogTemplates;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class TemplateMinerTests
{
    [Fact]
    public void Add_SameTemplate_ReturnsSameIdAndNotNew()
    {
        var miner = new TemplateMiner();

        var first = miner.Add("Connection from 10.0.0.1 closed after 12 ms");
        var second = miner.Add("Connection from 10.0.0.7 closed after 340 ms");

        first.IsNew.ShouldBeTrue();
        second.Change.ShouldBe(TemplateChange.None);
        second.TemplateId.ShouldBe(first.TemplateId);
        second.Template.ShouldBe("Connection from <IP> closed after <NUM>");
    }

    [Fact]
    public void Add_DifferingValueToken_BecomesWildcardAndKeepsId()
    {
        var miner = new TemplateMiner();

        var first = miner.Add("job build-7 failed with code 3");
        var second = miner.Add("job deploy-12 failed with code 3");

        second.Change.ShouldBe(TemplateChange.Generalized);
        second.TemplateId.ShouldBe(first.TemplateId);
        second.Template.ShouldBe("job <*> failed with code <NUM>");
    }

    [Fact]
    public void Add_DifferingWord_StartsAnotherTemplate()
    {
        var miner = new TemplateMiner();

        var running = miner.Add("task 12 moved from NEW to RUNNING");
        var failed = miner.Add("task 13 moved from RUNNING to FAILED");

        failed.IsNew.ShouldBeTrue();
        failed.TemplateId.ShouldNotBe(running.TemplateId);
    }

    [Fact]
    public void Add_DifferingWordWhenAllowed_JoinsLongEnoughTemplate()
    {
        var miner = new TemplateMiner(TemplateMinerOptions.Default with { MaxWordDifferences = 1, WordSimilarityThreshold = 0.75 });

        var cyrus = miner.Add("session closed for user cyrus");
        var news = miner.Add("session closed for user news");
        var shortLine = miner.Add("link up");
        var otherShort = miner.Add("link down");

        news.TemplateId.ShouldBe(cyrus.TemplateId);
        news.Template.ShouldBe("session closed for user <*>");
        otherShort.TemplateId.ShouldNotBe(shortLine.TemplateId); // one of two words is not 75 % alike
    }

    [Fact]
    public void Add_LeadingTokenTurnsOutToVary_TemplateMovesToTheWildcardRoute()
    {
        var miner = new TemplateMiner();
        var first = miner.Add("alpha started job 3");
        miner.Add("beta stopped job 1"); // a template under "beta", so that key exists in the tree

        var widened = miner.Add("10.0.0.9 started job 4");
        var later = miner.Add("beta started job 5");

        widened.TemplateId.ShouldBe(first.TemplateId);
        widened.Template.ShouldBe("<*> started job <NUM>");
        later.TemplateId.ShouldBe(first.TemplateId);
        miner.ToSnapshot().Clusters.Single(c => c.Id == first.TemplateId).Route[0].ShouldBe(Placeholders.Wildcard);
    }

    [Fact]
    public void Add_DifferentLengths_StaySeparate()
    {
        var miner = new TemplateMiner();

        var shortLine = miner.Add("disk full on sda");
        var longLine = miner.Add("disk full on sda during nightly backup");

        longLine.IsNew.ShouldBeTrue();
        longLine.TemplateId.ShouldNotBe(shortLine.TemplateId);
    }

    [Fact]
    public void Add_OptionalValueTokens_JoinTheTemplateAsVariant()
    {
        var miner = new TemplateMiner();

        var plain = miner.Add("host:80 close, 451 bytes sent, 846 bytes received, lifetime 00:01");
        var withSizes = miner.Add("host:80 close, 451 bytes sent, 18846 bytes (18.4 KB) received, lifetime <1 sec");

        withSizes.TemplateId.ShouldBe(plain.TemplateId);
        withSizes.IsNew.ShouldBeFalse();
        miner.Add("other:443 close, 1 bytes sent, 2 bytes (3.1 KB) received, lifetime 02:00").TemplateId.ShouldBe(plain.TemplateId);
    }

    [Fact]
    public void Add_DissimilarLineOfSameLength_StartsAnotherTemplate()
    {
        var miner = new TemplateMiner();

        var first = miner.Add("user 7 logged in");
        var second = miner.Add("cache 9 was evicted");

        second.TemplateId.ShouldNotBe(first.TemplateId);
        miner.Clusters.Count.ShouldBe(2);
    }

    [Fact]
    public void Match_UnknownLine_ReturnsNullAndLearnsNothing()
    {
        var miner = new TemplateMiner();
        miner.Add("worker 3 started");

        miner.Match("queue drained in 5 s").ShouldBeNull();
        miner.Match("worker 9 started")!.Value.TemplateId.ShouldBe(miner.Clusters[0].Id);
        miner.Clusters.Count.ShouldBe(1);
        miner.Clusters[0].Size.ShouldBe(1);
    }

    [Fact]
    public void Add_SameFirstLine_GivesSameIdInEveryMiner()
    {
        var a = new TemplateMiner();
        var b = new TemplateMiner();
        b.Add("something else entirely 42");

        a.Add("payment 991 declined").TemplateId.ShouldBe(b.Add("payment 17 declined").TemplateId);
    }

    [Fact]
    public void Add_EmptyLines_ShareOneTemplate()
    {
        var miner = new TemplateMiner();

        var first = miner.Add("   ");
        var second = miner.Add(string.Empty);

        second.TemplateId.ShouldBe(first.TemplateId);
        miner.Clusters.Count.ShouldBe(1);
    }

    [Fact]
    public void Parameters_MatchedLine_ReturnsRawValuesInOrder()
    {
        var miner = new TemplateMiner();
        miner.Add("copy job-7 of 12 KB to 10.0.0.1:22");
        miner.Add("copy job-8 of 7 KB to 10.0.0.2:22");

        miner.Parameters("copy job-9 of 3.5 KB to 10.0.0.3:22").ShouldBe(["job-9", "3.5 KB", "10.0.0.3:22"]);
        miner.Parameters("nothing like it").ShouldBeNull();
    }

    [Fact]
    public void ChangeCount_CountsOnlyNewAndWidenedTemplates()
    {
        var miner = new TemplateMiner();

        miner.Add("a 1 b");
        miner.Add("a 2 b");
        miner.Add("a x1 b");

        miner.ChangeCount.ShouldBe(2);
    }
}
