using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>pagerduty.resolve</c>: resolve a PagerDuty incident.</summary>
internal sealed class PagerDutyResolveSchema : ActionSchema
{
    public override string Id => CatalogActions.PagerDutyResolve;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name == CatalogParameters.Incident
        ? parameter with { Pattern = CatalogPatterns.PagerDutyId() }
        : parameter with { MaxLength = 1000 };

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        // Resolving only changes PagerDuty's own state; the API key's permissions are the bound.
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters[CatalogParameters.Incident];
}
