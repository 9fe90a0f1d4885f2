using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>pagerduty.note</c>: add a note to a PagerDuty incident.</summary>
internal sealed class PagerDutyNoteSchema : ActionSchema
{
    public override string Id => CatalogActions.PagerDutyNote;

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("incident", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.PagerDutyId(), Description = "the PagerDuty incident id",
        },
        new("content", ParameterKind.Text, Required: true) { MaxLength = 4000, Description = "the note" },
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        // A note adds text to PagerDuty; its length is the bound.
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters["incident"];
}
