using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ssm.start-automation</c>: start an allow-listed Automation runbook.</summary>
internal sealed class SsmStartAutomationSchema : ActionSchema
{
    public override string Id => CatalogActions.SsmStartAutomation;

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("document", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.SsmDocument(), MaxLength = 200, Description = "Automation runbook name or ARN",
        },
        new("documentVersion", ParameterKind.Text, Required: false)
        {
            Pattern = CatalogPatterns.SsmDocumentVersion(), Description = "$DEFAULT, $LATEST or a number",
        },
        new("parameters", ParameterKind.Json, Required: false)
        {
            MaxLength = 16 * 1024, Description = "runbook parameters: an object of strings or lists of strings",
        },
    ];

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedDocuments", IsList: true, "the runbooks that may be started"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        RequireAllowed(parameters["document"], bounds, "allowedDocuments", errors);
        if (parameters.TryGetValue("parameters", out var json) && SsmParameters.Check(json) is { } problem)
        {
            errors.Add($"{Id} parameter 'parameters': {problem}");
        }
    }

    // Cooldowns count per runbook: its parameters are free-form, so they cannot name a target reliably.
    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters["document"];
}
