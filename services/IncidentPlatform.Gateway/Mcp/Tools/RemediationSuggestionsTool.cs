using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using MassTransit;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>remediation_suggestions</c>: the catalog actions the policy in force allows for an incident, with risk and
/// approval needs, without proposing anything (<see cref="SuggestRemediations"/> to the remediation service).
/// </summary>
internal sealed class RemediationSuggestionsTool : IMcpTool
{
    public const int MaxSuggestions = 10;

    public Tool Definition { get; } = ToolDefinitions.Create("remediation_suggestions", "Remediation options",
        "The actions the remediation policy allows for an incident now: catalog action, parameters, risk, approval " +
        "mode and roles, whether the analysis recommended it. Proposes nothing. Scope read. Catalog: " + CatalogSummary + ".",
        """
        {"type":"object","properties":{
        "id":{"type":"string","maxLength":100,"description":"Incident id (inc-…)."}},
        "required":["id"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false });

    /// <summary>The catalog's actions and their parameter names, from the one definition (<see cref="ActionCatalog"/>).</summary>
    public static string CatalogSummary { get; } =
        string.Join("; ", ActionCatalog.Actions.Select(a => $"{a.Id}({string.Join(", ", a.Parameters.Select(p => p.Name))})"));

    public string RequiredScope(ToolArguments arguments) => Scopes.Read;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.Arguments.Required("id", 100);
        var result = await BusRequests.TrySendAsync<SuggestRemediations, RemediationSuggestions>(
            call.Service<IRequestClient<SuggestRemediations>>(), new SuggestRemediations
            {
                IncidentId = id, OccurredAt = call.Service<TimeProvider>().GetUtcNow(), RequestedBy = call.Actor,
            }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The remediation service did not answer in time; retry later.");
        }

        if (!result.Found)
        {
            return ToolResults.Error($"Not found: there is no incident '{id}'.");
        }

        var body = new JsonObject
        {
            ["incidentId"] = id,
            ["policyVersion"] = result.PolicyVersion,
            ["suggestions"] = new JsonArray([.. result.Suggestions.Take(MaxSuggestions).Select(s => call.Json(s with
            {
                Rationale = TextLimits.TruncateOrNull(s.Rationale, 500),
            }))]),
            ["notes"] = new JsonArray([.. result.Notes.Take(20).Select(n => JsonValue.Create(TextLimits.Truncate(n, 300)))]),
        };
        var best = result.Suggestions.FirstOrDefault();
        return ToolResults.Success(best is null
            ? $"No action allowed by policy {result.PolicyVersion} for {id}."
            : $"{result.Suggestions.Count} allowed action(s); first: {best.ActionId} (risk {best.Risk}, {best.ApprovalMode} approval).", body);
    }
}
