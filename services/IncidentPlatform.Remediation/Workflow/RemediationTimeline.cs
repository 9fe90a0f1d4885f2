using System.Globalization;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Writes the steps of a remediation a person wants to read on the incident's timeline (kind <c>remediation</c>): the
/// proposal, the approval request, each decision, expiry, the outcome of the run and its verification. The audit trail
/// stays the complete, hash-chained record; this is its readable summary next to alerts, analysis and notifications.
/// Only the writer that won a transition calls it (see <see cref="RemediationWorkflow"/>), so a step appears once.
/// </summary>
internal sealed class RemediationTimeline(IIncidentStore incidents, TimeProvider time, ILogger<RemediationTimeline> logger)
{
    /// <summary>The timeline entry kind.</summary>
    public const string Kind = "remediation";

    /// <summary>Appends the step <paramref name="step"/> (an audit kind) of <paramref name="remediation"/>, if it is one people read.</summary>
    public async Task AppendAsync(
        string step, string actor, string channel, Contracts.Remediation remediation,
        IReadOnlyDictionary<string, string> details, CancellationToken cancellationToken)
    {
        if (Message(step, actor, channel, remediation, details) is not { } message)
        {
            return;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["step"] = step,
            ["remediationId"] = remediation.Id,
            ["action"] = remediation.ActionId,
            ["rule"] = remediation.Rule,
            ["state"] = RemediationStates.Name(remediation.State),
            ["channel"] = channel,
            ["dryRun"] = remediation.DryRun ? "true" : "false",
        };
        if (details.TryGetValue("comment", out var comment))
        {
            data["comment"] = comment;
        }

        try
        {
            await incidents.AppendTimelineAsync(remediation.IncidentId, new TimelineEntry
            {
                At = time.GetUtcNow(), Kind = Kind, Message = message, Actor = actor, Data = data,
            }, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            // The incident was deleted meanwhile; the audit trail still has the step.
            logger.LogDebug("Incident {IncidentId} is gone: no timeline entry for remediation {RemediationId}", remediation.IncidentId, remediation.Id);
        }
    }

    private static string? Message(
        string step, string actor, string channel, Contracts.Remediation r, IReadOnlyDictionary<string, string> details)
    {
        var action = r.ActionId;
        var dryRun = r.DryRun ? " in dry-run" : "";
        var said = details.TryGetValue("comment", out var comment) && comment.Length > 0 ? $": “{comment}”" : "";
        return step switch
        {
            "proposed" => $"Rule {r.Rule} proposed {action}{Target(r)} (risk {Lower(r.Risk)}, {(r.ApprovalMode == ApprovalMode.Auto ? "automatic" : "needs approval")}{dryRun})",
            "approval-requested" => $"Waiting for approval of {action}: {Approvers(r)}{Until(r)}",
            "approved" when actor == "policy" => $"{action} approved automatically by rule {r.Rule}",
            "approved" => $"{actor} approved {action} via {channel}{said}",
            "approval" => $"{actor} approved {action} via {channel} ({details.GetValueOrDefault("approvals")} approvals){said}",
            "rejected" => $"{actor} rejected {action} via {channel}{said}",
            "expired" => $"The approval request for {action} expired without a decision",
            "succeeded" when r.Result?.DryRun == true => $"{action} ran in dry-run: the request it would send was recorded, nothing was sent",
            "succeeded" => $"{action} succeeded{Output(details)}",
            "failed" => $"{action} failed: {details.GetValueOrDefault("error") ?? "no detail"}",
            "verified" => $"Verified {action}: {details.GetValueOrDefault("evidence")}",
            "interrupted" => $"{action} was interrupted and may have run: a person must check and resolve it ({details.GetValueOrDefault("reason")})",
            "rerun-requested" => $"{actor} asked via {channel} to run the interrupted {action} again{said}",
            "escalated" => $"{action} did not help, escalated: {details.GetValueOrDefault("evidence")}",
            _ => null, // executing, evaluated: in the audit trail only
        };
    }

    private static string Target(Contracts.Remediation r) => r.Target is null ? "" : $" on {r.Target}";

    private static string Approvers(Contracts.Remediation r)
    {
        var count = Math.Max(1, r.RequiredApprovals);
        var who = r.AllowedRoles.Count == 0 ? "anyone who may approve" : $"role {string.Join(" or ", r.AllowedRoles)}";
        return count == 1 ? $"one approval from {who}" : $"{count.ToString(CultureInfo.InvariantCulture)} approvals from {who}";
    }

    private static string Until(Contracts.Remediation r) =>
        r.ExpiresAt is { } at ? string.Create(CultureInfo.InvariantCulture, $", until {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : "";

    private static string Output(IReadOnlyDictionary<string, string> details) =>
        details.TryGetValue("output", out var output) && output.Length is > 0 and <= 200 ? $": {output}" : "";

    private static string Lower(RiskLevel risk) => risk.ToString().ToLowerInvariant();
}
