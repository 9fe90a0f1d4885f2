using System.Security.Claims;
using System.Text.Json.Nodes;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Auth;
using MassTransit;
using ModelContextProtocol.Protocol;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// <c>remediation_decision</c>: approve or reject a pending remediation (<see cref="DecideRemediation"/>, channel
/// <c>mcp</c>, the caller as actor with its roles); the remediation service checks four-eyes, roles and expiry.
/// </summary>
internal sealed class RemediationDecisionTool : IMcpTool
{
    public const string Channel = "mcp";

    public Tool Definition { get; } = ToolDefinitions.Create("remediation_decision", "Approve or reject a remediation",
        "Approve or reject a remediation waiting for approval (ids rem-…, listed in incident_management get). " +
        "Approval lets the action run against real systems. Scope approve.",
        """
        {"type":"object","properties":{
        "remediationId":{"type":"string","maxLength":100,"description":"Remediation id (rem-…)."},
        "decision":{"type":"string","enum":["approve","reject"]},
        "comment":{"type":"string","maxLength":1000,"description":"Why, for the audit trail."}},
        "required":["remediationId","decision"],"additionalProperties":false}
        """,
        new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true });

    public string RequiredScope(ToolArguments arguments) => Scopes.Approve;

    public async Task<CallToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var id = args.Required("remediationId", 100);
        var approve = args.Choice("decision", ["approve", "reject"], required: true) == "approve";
        var result = await BusRequests.TrySendAsync<DecideRemediation, RemediationCommandResult>(
            call.Service<IRequestClient<DecideRemediation>>(), new DecideRemediation
            {
                RemediationId = id, OccurredAt = call.Service<TimeProvider>().GetUtcNow(), Approve = approve,
                Actor = call.Actor, Channel = Channel, Comment = args.String("comment", 1000),
                Roles = call.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            }, cancellationToken);
        if (result is null)
        {
            return ToolResults.Error("The remediation service did not answer in time; the decision is not known to be recorded. Retry later.");
        }

        if (!result.Accepted)
        {
            return ToolResults.Error($"Decision refused ({result.Status}): {result.Error}");
        }

        var remediation = result.Remediation;
        return ToolResults.Success(
            $"{(approve ? "Approved" : "Rejected")} {id}; it is now {remediation?.State.ToString() ?? "recorded"}.",
            new JsonObject { ["remediation"] = remediation is null ? null : call.Json(remediation) });
    }
}
