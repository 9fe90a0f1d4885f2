using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>remediation_resolve</c>: a person resolves an interrupted remediation (<see cref="ResolveRemediation"/>, channel
/// <c>mcp</c>): it succeeded, it failed, or run it again. Scope approve, as for approvals.
/// </summary>
[McpServerToolType]
internal sealed class RemediationResolveTool(IRequestClient<ResolveRemediation> remediation, McpViews views, TimeProvider time)
{
    [McpServerTool(Name = "remediation_resolve", Title = "Resolve an interrupted remediation", ReadOnly = false, Destructive = true,
        Idempotent = false, OpenWorld = true)]
    [Description("Resolve a remediation in state interrupted (its executor stopped after the action may have run; it is never " +
                 "retried by itself): succeeded or failed records what you found on the target, rerun runs it once more. Scope approve.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Remediation id (rem-…)."), MaxLength(100)] string remediationId,
        RemediationResolution resolution,
        [Description("What you checked, for the audit trail."), MaxLength(1000)] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, Scopes.Approve) is { } refused)
        {
            return refused;
        }

        var id = ToolArgumentException.Required(remediationId, "remediationId");
        var result = await BusRequests.TrySendAsync<ResolveRemediation, RemediationCommandResult>(remediation, new ResolveRemediation
        {
            RemediationId = id, OccurredAt = time.GetUtcNow(), Resolution = resolution, Actor = user!.Actor(), ActorId = user!.ActorId(),
            Channel = RemediationDecisionTool.Channel, Comment = ToolArgumentException.Optional(comment), Roles = user!.Roles(),
        }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The remediation service did not answer in time; the resolution is not known to be recorded. Retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Resolution refused ({result.Status}): {result.Error}");
        }

        var state = result.Remediation is { } resolved ? McpText.Word(resolved.State) : "recorded";
        return ToolResults.Success($"Resolved {id} as {McpText.Word(resolution)}; it is now {state}.",
            new JsonObject { ["remediation"] = result.Remediation is null ? null : views.Json(result.Remediation) });
    }
}
