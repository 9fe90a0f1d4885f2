using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>remediation_suggestions</c>: the catalog actions the policy in force allows for an incident, with risk and
/// approval needs, without proposing anything (<see cref="SuggestRemediations"/> to the remediation service).
/// </summary>
[McpServerToolType]
internal sealed class RemediationSuggestionsTool(IRequestClient<SuggestRemediations> remediation, McpViews views, TimeProvider time)
{
    public const int MaxSuggestions = 10;
    public const string Name = "remediation_suggestions";

    private const string Summary =
        "The actions the remediation policy allows for an incident now: catalog action, parameters, risk, approval " +
        "mode and roles, whether the analysis recommended it. Proposes nothing. Scope read.";

    /// <summary>The description clients see: the summary and the catalog's actions with their parameter names.</summary>
    public static string Description { get; } = Summary + " Catalog: " +
        string.Join("; ", ActionCatalog.Actions.Select(a => $"{a.Id}({string.Join(", ", a.Parameters.Select(p => p.Name))})")) + ".";

    [McpServerTool(Name = Name, Title = "Remediation options", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false)]
    [Description(Summary)] // an attribute takes constants only: tools/list gets Description (see WithCatalog)
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Incident id (inc-…)."), MaxLength(100)] string id,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, Scopes.Read) is { } refused)
        {
            return refused;
        }

        id = ToolArgumentException.Required(id, "id");
        var result = await BusRequests.TrySendAsync<SuggestRemediations, RemediationSuggestions>(remediation, new SuggestRemediations
        {
            IncidentId = id, OccurredAt = time.GetUtcNow(), RequestedBy = user!.Actor(),
        }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The remediation service did not answer in time; retry later.");
        }

        if (!result.Found)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'.");
        }

        var suggestions = result.Suggestions.Take(MaxSuggestions)
            .Select(s => s with { Rationale = TextLimits.TruncateOrNull(s.Rationale, 500) }).ToList();
        var body = new JsonObject
        {
            ["incidentId"] = id,
            ["policyVersion"] = result.PolicyVersion,
            ["suggestions"] = new JsonArray([.. suggestions.Select(s => views.Json(s))]),
            ["notes"] = new JsonArray([.. result.Notes.Take(20).Select(n => JsonValue.Create(TextLimits.Truncate(n, 300)))]),
        };
        var best = result.Suggestions.FirstOrDefault();
        return ToolResults.Success(best is null
            ? $"No action allowed by policy {result.PolicyVersion} for {id}."
            : $"{result.Suggestions.Count} allowed action(s); first: {best.ActionId} (risk {McpText.Word(best.Risk)}, " +
              $"{McpText.Word(best.ApprovalMode)} approval).", body,
            [
                .. suggestions.Select(s => $"- {s.ActionId} by rule {s.Rule}: risk {McpText.Word(s.Risk)}, {McpText.Word(s.ApprovalMode)} approval" +
                                           $"{(s.AllowedRoles.Count > 0 ? $" by {string.Join("/", s.AllowedRoles)}" : "")}" +
                                           $"{(s.Recommended ? ", recommended by the analysis" : "")}{(s.DryRun ? ", dry run" : "")}"),
                .. result.Notes.Take(20).Select(n => $"Note: {TextLimits.Truncate(n, 300)}"),
            ]);
    }

    /// <summary>Lists this tool with the catalog in its description, built from the one definition (<see cref="ActionCatalog"/>).</summary>
    public static ListToolsResult WithCatalog(ListToolsResult result)
    {
        foreach (var tool in result.Tools.Where(t => t.Name == Name))
        {
            tool.Description = Description;
        }

        return result;
    }
}
