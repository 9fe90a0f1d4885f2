using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.lambda.invoke</c>: invoke an allow-listed function with a JSON payload.</summary>
internal sealed class LambdaInvokeSchema : ActionSchema
{
    public override string Id => CatalogActions.LambdaInvoke;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name switch
    {
        CatalogParameters.Function => parameter with { Pattern = CatalogPatterns.LambdaFunction(), MaxLength = 200 },
        CatalogParameters.Payload => parameter with { MaxLength = 256 * 1024, JsonObject = false },
        _ => parameter with { Pattern = CatalogPatterns.InvocationType() },
    };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedFunctions", IsList: true, "the functions that may be invoked, exactly as the rules name them"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        RequireAllowed(parameters[CatalogParameters.Function], bounds, "allowedFunctions", errors);
        parameters.TryAdd(CatalogParameters.InvocationType, "RequestResponse");
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters[CatalogParameters.Function];
}
