using System.Globalization;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Offline;

/// <summary>
/// The catalog actions that fit a category, with parameters from the incident's labels, or for instances also from
/// what the alerts' own text names (<see cref="Reading.DerivedValues"/>). An action whose parameters neither gives is not
/// recommended; a step says what is missing instead.
/// </summary>
internal static class ActionPlanner
{
    public static (IReadOnlyList<RecommendedAction> Actions, IReadOnlyList<string> Steps) Plan(
        string category, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> derived, OfflineOptions options)
    {
        var reader = new LabelReader(labels, derived);
        var actions = new List<RecommendedAction>();
        var steps = new List<string>();
        switch (category)
        {
            case AnalysisCategories.ConnectionPoolExhaustion:
                RecycleEcs(reader, actions, steps, "releases the connections its tasks hold");
                break;
            case AnalysisCategories.OutOfMemory:
                if (!RecycleEcs(reader, actions, steps, "replaces the tasks that ran out of memory") && reader.InstanceIds() is { Count: > 0 } ids)
                {
                    actions.Add(Action(CatalogActions.Ec2RebootInstances, "restarts the instances whose memory is exhausted",
                        (CatalogParameters.InstanceIds, string.Join(",", ids))));
                }

                break;
            case AnalysisCategories.DiskFull:
                if (reader.InstanceIds() is { Count: 1 } instance)
                {
                    // The id matched ^i-[0-9a-f]{8,17}$, so it needs no escaping inside the JSON.
                    actions.Add(Action(CatalogActions.SsmStartAutomation, "frees disk space on the instance with the cleanup runbook",
                        (CatalogParameters.Document, options.DiskCleanupDocument),
                        (CatalogParameters.DocumentParameters, $$"""{"InstanceId":["{{instance[0]}}"]}""")));
                }
                else
                {
                    steps.Add("The incident does not name one EC2 instance, so no cleanup runbook is proposed.");
                }

                break;
            case AnalysisCategories.ResourceSaturation or AnalysisCategories.TrafficSurge:
                ScaleOut(reader, actions, steps);
                break;
        }

        return (actions, steps);
    }

    private static bool RecycleEcs(LabelReader reader, List<RecommendedAction> actions, List<string> steps, string why)
    {
        if (reader.EcsService() is not { } ecs)
        {
            steps.Add("The incident's labels name no ECS service, so no automated restart is proposed.");
            return false;
        }

        actions.Add(Action(CatalogActions.EcsForceNewDeployment, $"Forcing a new deployment of {ecs.Service} {why}",
            (CatalogParameters.Cluster, ecs.Cluster), (CatalogParameters.Service, ecs.Service)));
        return true;
    }

    private static void ScaleOut(LabelReader reader, List<RecommendedAction> actions, List<string> steps)
    {
        if (reader.AutoScalingGroup() is not { } asg)
        {
            steps.Add("The incident's labels name no Auto Scaling group, so no scale-out is proposed.");
            return;
        }

        if (asg.Desired is not { } desired)
        {
            steps.Add($"Scale out the Auto Scaling group {asg.Name}; its current capacity is not in the incident, so no target is proposed.");
            return;
        }

        var target = Math.Max(desired + 1, (int)Math.Ceiling(desired * 1.5));
        if (asg.Max is { } max)
        {
            target = Math.Min(target, max);
        }

        if (target <= desired)
        {
            steps.Add($"The Auto Scaling group {asg.Name} is at its maximum size ({desired}); raise the maximum or reduce the load.");
            return;
        }

        actions.Add(Action(CatalogActions.AutoScalingSetDesiredCapacity,
            $"Scaling {asg.Name} out from {desired} to {target} instances adds capacity for the load",
            (CatalogParameters.Group, asg.Name), (CatalogParameters.Desired, target.ToString(CultureInfo.InvariantCulture))));
    }

    private static RecommendedAction Action(string id, string rationale, params (string Name, string Value)[] parameters) =>
        new()
        {
            ActionId = id,
            Parameters = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
            Rationale = rationale,
        };
}
