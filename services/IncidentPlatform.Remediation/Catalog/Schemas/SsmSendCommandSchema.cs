using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary><c>aws.ssm.send-command</c>: run an allow-listed SSM document on instances (by id or by tag targets).</summary>
internal sealed class SsmSendCommandSchema : ActionSchema
{
    public override string Id => CatalogActions.SsmSendCommand;

    protected override ParameterSpec Limit(ParameterSpec parameter) => parameter.Name switch
    {
        CatalogParameters.Document => parameter with { Pattern = CatalogPatterns.SsmDocument(), MaxLength = 200 },
        CatalogParameters.InstanceIds => parameter with { Pattern = CatalogPatterns.ManagedNode(), MaxItems = 50 },
        CatalogParameters.Targets => parameter with { JsonObject = false, MaxLength = 4096 },
        CatalogParameters.DocumentParameters => parameter with { MaxLength = 16 * 1024 },
        CatalogParameters.Comment => parameter with { MaxLength = 100 },
        _ => parameter with { Min = 30, Max = 2_592_000 },
    };

    public override IReadOnlyList<BoundSpec> Bounds { get; } =
    [
        new("allowedDocuments", IsList: true, "the documents that may be run"),
        new("maxInstances", IsList: false, "the most instance ids in one command (default 10)") { Min = 1, Max = 50 },
    ];

    protected override void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors)
    {
        RequireAllowed(parameters[CatalogParameters.Document], bounds, "allowedDocuments", errors);
        var hasIds = parameters.TryGetValue(CatalogParameters.InstanceIds, out var ids);
        var hasTargets = parameters.TryGetValue(CatalogParameters.Targets, out var targets);
        if (hasIds == hasTargets)
        {
            errors.Add($"{Id} needs exactly one of 'instanceIds' and 'targets'");
        }

        var max = bounds.Number("maxInstances", 10);
        if (hasIds && Items(ids!).Count > max)
        {
            errors.Add($"{Id}: {Items(ids!).Count} instances, bounds allow at most {max}");
        }

        if (hasTargets && CheckTargets(targets!) is { } targetProblem)
        {
            errors.Add($"{Id} parameter 'targets': {targetProblem}");
        }

        if (parameters.TryGetValue(CatalogParameters.DocumentParameters, out var json) && SsmParameters.Check(json) is { } problem)
        {
            errors.Add($"{Id} parameter 'parameters': {problem}");
        }
    }

    protected override string TargetOf(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue(CatalogParameters.InstanceIds, out var ids)
            ? string.Join(',', Items(ids).Order(StringComparer.Ordinal))
            : parameters[CatalogParameters.Targets];

    // Targets select instances by tag or resource group: at most 5 of them, each a key with 1–50 string values.
    private static string? CheckTargets(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > 5)
        {
            return "must be a list of 1 to 5 {\"Key\": …, \"Values\": […]} objects";
        }

        foreach (var target in root.EnumerateArray())
        {
            if (target.ValueKind != JsonValueKind.Object ||
                !target.TryGetProperty("Key", out var key) || key.ValueKind != JsonValueKind.String ||
                !target.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Array ||
                values.GetArrayLength() is 0 or > 50 || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String) ||
                target.EnumerateObject().Count() != 2)
            {
                return "each target must be {\"Key\": \"tag:…\", \"Values\": [\"…\"]}";
            }
        }

        return null;
    }
}
