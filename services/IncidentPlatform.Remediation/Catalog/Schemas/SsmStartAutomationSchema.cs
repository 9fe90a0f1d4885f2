using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ssm.start-automation</c>: start an allow-listed Automation runbook.</summary>
internal sealed class SsmStartAutomationSchema : ActionSchema
{
    public override string Id => CatalogActions.SsmStartAutomation;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name switch
    {
        CatalogParameters.Document => parameter with { Pattern = CatalogPatterns.SsmDocument(), MaxLength = 200 },
        CatalogParameters.DocumentVersion => parameter with { Pattern = CatalogPatterns.SsmDocumentVersion() },
        _ => parameter with { MaxLength = 16 * 1024 },
    };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedDocuments", IsList: true, "the runbooks that may be started"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        RequireAllowed(parameters[CatalogParameters.Document], bounds, "allowedDocuments", errors);
        if (parameters.TryGetValue(CatalogParameters.DocumentParameters, out var json) && SsmParameters.Check(json) is { } problem)
        {
            errors.Add($"{Id} parameter 'parameters': {problem}");
        }
    }

    // Cooldowns count per runbook: its parameters are free-form, so they cannot name a target reliably.
    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters[CatalogParameters.Document];
}
