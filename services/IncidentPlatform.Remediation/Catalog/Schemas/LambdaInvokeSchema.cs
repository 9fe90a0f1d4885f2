using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.lambda.invoke</c>: invoke an allow-listed function with a JSON payload.</summary>
internal sealed class LambdaInvokeSchema : ActionSchema
{
    public override string Id => CatalogActions.LambdaInvoke;

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("function", ParameterKind.Text, Required: true)
        {
            Pattern = CatalogPatterns.LambdaFunction(), MaxLength = 200, Description = "function name or ARN",
        },
        new("payload", ParameterKind.Json, Required: false)
        {
            MaxLength = 256 * 1024, JsonObject = false, Description = "the JSON event",
        },
        new("invocationType", ParameterKind.Text, Required: false)
        {
            Pattern = CatalogPatterns.InvocationType(), Description = "RequestResponse (default) or Event",
        },
    ];

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedFunctions", IsList: true, "the functions that may be invoked, exactly as the rules name them"),
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        RequireAllowed(parameters["function"], bounds, "allowedFunctions", errors);
        parameters.TryAdd("invocationType", "RequestResponse");
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) => parameters["function"];
}
