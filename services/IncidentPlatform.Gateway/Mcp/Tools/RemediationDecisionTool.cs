using IncidentPlatform.Gateway.Auth;
using MassTransit;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>remediation_decision</c>: approve or reject a pending remediation (<see cref="DecideRemediation"/>, channel
/// <c>mcp</c>, the caller as actor with its stable id and roles); the remediation service checks four-eyes, roles and expiry.
/// </summary>
[McpServerToolType]
internal sealed class RemediationDecisionTool(IRequestClient<DecideRemediation> remediation, McpViews views, TimeProvider time)
{
    public const string Channel = "mcp";

    public enum Decision { Approve, Reject }

    [McpServerTool(Name = "remediation_decision", Title = "Approve or reject a remediation", ReadOnly = false, Destructive = true,
        Idempotent = false, OpenWorld = true)]
    [Description("Approve or reject a remediation waiting for approval (ids rem-…, listed in incident_management get). " +
                 "Approval lets the action run against real systems. Scope approve.")]
    public async Task<CallToolResult> RunAsync(
        ClaimsPrincipal? user,
        [Description("Remediation id (rem-…)."), MaxLength(100)] string remediationId,
        Decision decision,
        [Description("Why, for the audit trail."), MaxLength(1000)] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        if (McpCaller.Refuse(user, Scopes.Approve) is { } refused)
        {
            return refused;
        }

        var id = ToolArgumentException.Required(remediationId, "remediationId");
        var approve = decision == Decision.Approve;
        var result = await BusRequests.TrySendAsync<DecideRemediation, RemediationCommandResult>(remediation, new DecideRemediation
        {
            RemediationId = id, OccurredAt = time.GetUtcNow(), Approve = approve, Actor = user!.Actor(), ActorId = user!.ActorId(),
            Channel = Channel, Comment = ToolArgumentException.Optional(comment), Roles = user!.Roles(),
        }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The remediation service did not answer in time; the decision is not known to be recorded. Retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Decision refused ({result.Status}): {result.Error}");
        }

        var state = result.Remediation is { } decided ? McpText.Word(decided.State) : "recorded";
        return ToolResults.Success($"{(approve ? "Approved" : "Rejected")} {id}; it is now {state}.",
            new JsonObject { ["remediation"] = result.Remediation is null ? null : views.Json(result.Remediation) });
    }
}
