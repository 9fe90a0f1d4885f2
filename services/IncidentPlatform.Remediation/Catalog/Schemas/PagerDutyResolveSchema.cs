using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>pagerduty.resolve</c>: resolve a PagerDuty incident.</summary>
internal sealed class PagerDutyResolveSchema : ActionSchema
{
    public override string Id => CatalogActions.PagerDutyResolve;

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("incident", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.PagerDutyId(), Description = "the PagerDuty incident id",
        },
        new("resolution", ParameterKind.Text, Required: false) { MaxLength = 1000, Description = "why it is resolved" },
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        // Resolving only changes PagerDuty's own state; the API key's permissions are the bound.
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters["incident"];
}
