using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ec2.reboot-instances</c>: reboot at most the policy's number of instances.</summary>
internal sealed class Ec2RebootInstancesSchema : ActionSchema
{
    public override string Id => CatalogActions.Ec2RebootInstances;

    protected override ParameterSpec Limit(ParameterSpec parameter) =>
        parameter with { Pattern = CatalogPatterns.Ec2Instance(), MaxItems = 50 };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("maxInstances", IsList: false, "the most instances rebooted at once (default 1)") { Min = 1, Max = 50 },
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        var count = Items(parameters[CatalogParameters.InstanceIds]).Count;
        var max = bounds.Number("maxInstances", 1);
        if (count > max)
        {
            errors.Add($"{Id}: {count} instances, bounds allow at most {max}");
        }
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(',', Items(parameters[CatalogParameters.InstanceIds]).Order(StringComparer.Ordinal));
}
