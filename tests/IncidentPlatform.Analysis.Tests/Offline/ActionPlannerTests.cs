using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Offline;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Tests.Offline;

public sealed class ActionPlannerTests
{
    private static readonly OfflineOptions Options = new();

    private static (IReadOnlyList<RecommendedAction> Actions, IReadOnlyList<string> Steps) Plan(string category, params (string Key, string Value)[] labels) =>
        ActionPlanner.Plan(category, labels.ToDictionary(l => l.Key, l => l.Value), new Dictionary<string, string>(), Options);

    [Fact]
    public void Plan_PoolExhaustionOnEcs_ForcesANewDeploymentOfThatService()
    {
        var (actions, _) = Plan(AnalysisCategories.ConnectionPoolExhaustion, ("ClusterName", "prod-core"), ("ServiceName", "orders-api"), ("Namespace", "AWS/ECS"));

        var action = actions.ShouldHaveSingleItem();
        action.ActionId.ShouldBe(CatalogActions.EcsForceNewDeployment);
        action.Parameters.ShouldBe(new Dictionary<string, string> { ["cluster"] = "prod-core", ["service"] = "orders-api" });
    }

    [Fact]
    public void Plan_EcsServiceArn_GivesClusterAndService()
    {
        var (actions, _) = Plan(AnalysisCategories.OutOfMemory, ("service_arn", "arn:aws:ecs:eu-west-1:123456789012:service/shop-prod/catalog-svc"));

        actions.ShouldHaveSingleItem().Parameters.ShouldBe(new Dictionary<string, string> { ["cluster"] = "shop-prod", ["service"] = "catalog-svc" });
    }

    [Fact]
    public void Plan_GenericClusterLabelsWithoutAnythingSayingEcs_RecommendNothing()
    {
        var (actions, steps) = Plan(AnalysisCategories.ConnectionPoolExhaustion, ("cluster", "eks-prod"), ("service", "orders-api"));

        actions.ShouldBeEmpty();
        steps.ShouldContain(s => s.Contains("no ECS service", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SaturatedAutoScalingGroup_ScalesOutByHalfWithinItsMaximum()
    {
        var (actions, _) = Plan(AnalysisCategories.ResourceSaturation, ("AutoScalingGroupName", "web-asg"), ("GroupDesiredCapacity", "4"), ("GroupMaxSize", "5"));

        actions.ShouldHaveSingleItem().Parameters.ShouldBe(new Dictionary<string, string> { [CatalogParameters.Group] = "web-asg", [CatalogParameters.Desired] = "5" });
    }

    [Fact]
    public void Plan_AutoScalingGroupAtItsMaximum_RecommendsNoScaleOut()
    {
        var (actions, steps) = Plan(AnalysisCategories.TrafficSurge, ("AutoScalingGroupName", "web-asg"), ("GroupDesiredCapacity", "8"), ("GroupMaxSize", "8"));

        actions.ShouldBeEmpty();
        steps.ShouldContain(s => s.Contains("at its maximum size", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_AutoScalingGroupWithoutItsCapacity_ProposesNoNumber()
    {
        var (actions, steps) = Plan(AnalysisCategories.TrafficSurge, ("AutoScalingGroupName", "web-asg"));

        actions.ShouldBeEmpty();
        steps.ShouldContain(s => s.Contains("web-asg", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_FullDiskOnOneInstance_StartsTheCleanupRunbookThere()
    {
        var (actions, _) = Plan(AnalysisCategories.DiskFull, ("InstanceId", "i-07f3c2a9b8d6e5401"));

        var action = actions.ShouldHaveSingleItem();
        action.ActionId.ShouldBe(CatalogActions.SsmStartAutomation);
        action.Parameters.ShouldBe(new Dictionary<string, string>
        {
            [CatalogParameters.Document] = Options.DiskCleanupDocument,
            [CatalogParameters.DocumentParameters] = """{"InstanceId":["i-07f3c2a9b8d6e5401"]}""",
        });
    }

    [Theory]
    [InlineData(AnalysisCategories.Timeout)]
    [InlineData(AnalysisCategories.Dns)]
    [InlineData(AnalysisCategories.CrashLoop)]
    [InlineData(AnalysisCategories.DeploymentChange)]
    [InlineData(AnalysisCategories.Unknown)]
    public void Plan_CategoriesNoCatalogActionFixes_RecommendNothing(string category)
    {
        Plan(category, ("ClusterName", "prod"), ("ServiceName", "api"), ("Namespace", "AWS/ECS"), ("InstanceId", "i-07f3c2a9b8d6e5401"))
            .Actions.ShouldBeEmpty();
    }
}
