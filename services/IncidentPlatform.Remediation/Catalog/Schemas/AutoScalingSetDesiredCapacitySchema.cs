using System.Globalization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary>
/// <c>aws.autoscaling.set-desired-capacity</c>: set a group's desired capacity within the policy's min and max; the
/// largest step from the current capacity is checked at execution, after reading the group.
/// </summary>
internal sealed class AutoScalingSetDesiredCapacitySchema : ActionSchema
{
    public override string Id => CatalogActions.AutoScalingSetDesiredCapacity;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name switch
    {
        CatalogParameters.Group => parameter with { Pattern = CatalogPatterns.AutoScalingGroup(), MaxLength = 255 },
        CatalogParameters.Desired => parameter with { Min = 0, Max = 100_000 },
        _ => parameter with { Pattern = CatalogPatterns.Boolean() },
    };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("min", IsList: false, "the smallest desired capacity allowed (default 0)") { Max = 100_000 },
        new("max", IsList: false, "the largest desired capacity allowed (required)") { Max = 100_000 },
        new("maxStep", IsList: false, "the largest change from the current desired capacity (required)") { Min = 1, Max = 100_000 },
        new("allowedGroups", IsList: true, "the groups that may be scaled (default: any)"),
    ];

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters[CatalogParameters.Group];

    /// <summary>The step check, run with the group's current desired capacity; returns what is wrong, or null.</summary>
    public string? CheckStep(long current, long desired, ActionBounds bounds)
    {
        var maxStep = bounds.Number("maxStep", 0);
        return Math.Abs(desired - current) > maxStep
            ? $"{Id}: from {current} to {desired} is a step of {Math.Abs(desired - current)}, bounds allow at most {maxStep}"
            : null;
    }

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        if (!bounds.Has("max") || !bounds.Has("maxStep"))
        {
            errors.Add($"{Id}: the policy must set bounds.{Id}.max and maxStep");
            return;
        }

        if (bounds.Has("allowedGroups"))
        {
            RequireAllowed(parameters[CatalogParameters.Group], bounds, "allowedGroups", errors);
        }

        var desired = long.Parse(parameters[CatalogParameters.Desired], CultureInfo.InvariantCulture);
        var (min, max) = (bounds.Number("min", 0), bounds.Number("max", 0));
        if (desired < min || desired > max)
        {
            errors.Add($"{Id}: desired capacity {desired} is outside the bounds {min}..{max}");
        }

        parameters.TryAdd(CatalogParameters.HonorCooldown, "true");
    }
}
