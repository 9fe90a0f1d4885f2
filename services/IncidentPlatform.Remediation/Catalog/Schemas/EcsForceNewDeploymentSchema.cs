using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ecs.force-new-deployment</c>: replace an ECS service's tasks with a new deployment.</summary>
internal sealed class EcsForceNewDeploymentSchema : ActionSchema
{
    public override string Id => CatalogActions.EcsForceNewDeployment;

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("cluster", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.EcsName(), MaxLength = 320, Description = "cluster name or ARN",
        },
        new("service", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.EcsName(), MaxLength = 320, Description = "service name or ARN",
        },
    ];

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedClusters", IsList: true, "the clusters whose services may be redeployed (default: any)"),
        new("allowedServices", IsList: true, "the services that may be redeployed (default: any)"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        if (bounds.Has("allowedClusters"))
        {
            RequireAllowed(parameters["cluster"], bounds, "allowedClusters", errors);
        }

        if (bounds.Has("allowedServices"))
        {
            RequireAllowed(parameters["service"], bounds, "allowedServices", errors);
        }
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) =>
        $"{parameters["cluster"]}/{parameters["service"]}";
}
