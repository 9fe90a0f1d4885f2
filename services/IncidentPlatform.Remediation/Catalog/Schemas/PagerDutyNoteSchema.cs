using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>pagerduty.note</c>: add a note to a PagerDuty incident.</summary>
internal sealed class PagerDutyNoteSchema : ActionSchema
{
    public override string Id => CatalogActions.PagerDutyNote;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name == CatalogParameters.Incident
        ? parameter with { Pattern = CatalogPatterns.PagerDutyId() }
        : parameter with { MaxLength = 4000 };

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        // A note adds text to PagerDuty; its length is the bound.
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters[CatalogParameters.Incident];
}
