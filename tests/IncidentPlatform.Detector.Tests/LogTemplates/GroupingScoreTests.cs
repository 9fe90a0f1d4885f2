using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class GroupingScoreTests
{
    [Fact]
    public void Compute_SameGroupingUnderOtherNames_IsPerfect()
    {
        var score = GroupingScore.Compute(["a", "a", "b"], ["x", "x", "y"]);

        score.GroupingAccuracy.ShouldBe(1.0);
        score.F1.ShouldBe(1.0);
    }

    [Fact]
    public void Compute_MergedGroups_CountsBothAsWrong()
    {
        // Truth {1,2} {3} {4}; parsed {1,2,3} {4}: lines 1-3 wrong, line 4 right.
        var score = GroupingScore.Compute(["a", "a", "b", "c"], ["x", "x", "x", "y"]);

        score.GroupingAccuracy.ShouldBe(0.25);
        score.Precision.ShouldBe(1.0 / 3);
        score.Recall.ShouldBe(1.0);
    }

    [Fact]
    public void Compute_SplitGroup_CountsItsLinesAsWrong()
    {
        // Truth {1,2,3} {4}; parsed {1,2} {3} {4}.
        var score = GroupingScore.Compute(["a", "a", "a", "b"], ["x", "x", "y", "z"]);

        score.GroupingAccuracy.ShouldBe(0.25);
        score.Precision.ShouldBe(1.0);
        score.Recall.ShouldBe(1.0 / 3);
        score.F1.ShouldBe(0.5);
    }

    [Fact]
    public void Compute_DifferentCounts_Throws() =>
        Should.Throw<ArgumentException>(() => GroupingScore.Compute(["a"], ["x", "y"]));
}
