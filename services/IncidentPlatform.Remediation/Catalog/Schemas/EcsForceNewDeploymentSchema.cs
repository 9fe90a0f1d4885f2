using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ecs.force-new-deployment</c>: replace an ECS service's tasks with a new deployment.</summary>
internal sealed class EcsForceNewDeploymentSchema : ActionSchema
{
    public override string Id => CatalogActions.EcsForceNewDeployment;

    protected override ParameterSpec Limit(ParameterSpec parameter) =>
        parameter with { Pattern = CatalogPatterns.EcsName(), MaxLength = 320 };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedClusters", IsList: true, "the clusters whose services may be redeployed (default: any)"),
        new("allowedServices", IsList: true, "the services that may be redeployed (default: any)"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        if (bounds.Has("allowedClusters"))
        {
            RequireAllowed(parameters[CatalogParameters.Cluster], bounds, "allowedClusters", errors);
        }

        if (bounds.Has("allowedServices"))
        {
            RequireAllowed(parameters[CatalogParameters.Service], bounds, "allowedServices", errors);
        }
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) =>
        $"{parameters[CatalogParameters.Cluster]}/{parameters[CatalogParameters.Service]}";
}
