using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Telemetry;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Records approval decisions. A remediation waiting for approval takes decisions from people with an allowed role
/// (any, when the rule names none); an approval never from the person who requested it (four eyes); each person decides
/// once, people told apart by their stable ids (<see cref="DecideRemediation.ActorId"/>: <c>key:…</c>, <c>oidc:…</c>,
/// <c>slack:…</c>), never by display names; one rejection rejects; the rule's number of distinct approvals approves.
/// Expired or already decided remediations refuse decisions with the reason.
/// </summary>
internal sealed class ApprovalService(RemediationWorkflow workflow, RemediationTelemetry telemetry, ILogger<ApprovalService> logger)
{
    private static readonly string[] Channels = ["rest", "mcp", "slack", "ui"];

    /// <summary>Applies the decision; the result carries an HTTP-like status (200, 403, 404, 409).</summary>
    public async Task<RemediationCommandResult> DecideAsync(
        DecideRemediation command, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Actor) || string.IsNullOrWhiteSpace(command.ActorId) ||
            !Channels.Contains(command.Channel, StringComparer.Ordinal))
        {
            return Refused(403, $"a decision needs an identified actor (a name and a stable actor id) and a channel ({string.Join(", ", Channels)})", null);
        }

        RemediationCommandResult? refusal = null;
        (ApprovalDecision Decision, int Approvals)? decided = null;
        Contracts.Remediation? stored;
        try
        {
            (stored, _) = await workflow.Repository.UpdateAsync(command.RemediationId, remediation =>
            {
                (refusal, decided) = (null, null);
                var now = workflow.Time.GetUtcNow();
                if (remediation.State == RemediationState.PendingApproval && remediation.ExpiresAt <= now)
                {
                    return remediation with { State = RemediationState.Expired, UpdatedAt = now };
                }

                refusal = Refusal(command, remediation);
                if (refusal is not null)
                {
                    return null;
                }

                var decision = new ApprovalDecision
                {
                    Actor = command.Actor, ActorId = command.ActorId, Channel = command.Channel, Approved = command.Approve,
                    At = now, Comment = command.Comment,
                };
                var decisions = remediation.Decisions.Append(decision).ToList();
                var approvals = decisions.Count(d => d.Approved);
                decided = (decision, approvals);
                var state = !command.Approve ? RemediationState.Rejected
                    : approvals >= Math.Max(1, remediation.RequiredApprovals) ? RemediationState.Approved
                    : RemediationState.PendingApproval;
                return remediation with { Decisions = decisions, State = state, UpdatedAt = now };
            }, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return Refused(409, $"remediation {command.RemediationId} kept changing; try again", null);
        }

        if (stored is null)
        {
            return Refused(404, $"remediation {command.RemediationId} does not exist", null);
        }

        if (refusal is not null)
        {
            return refusal;
        }

        if (decided is not { } accepted)
        {
            // Its time was up: this decision expired it instead.
            await workflow.ExpiredAsync(stored, publish, cancellationToken);
            return Refused(409, $"remediation {stored.Id} expired at {stored.ExpiresAt:O}", stored);
        }

        await RecordAsync(stored, accepted.Decision, accepted.Approvals, publish, cancellationToken);
        return new RemediationCommandResult { Accepted = true, Status = 200, Remediation = stored };
    }

    private static RemediationCommandResult? Refusal(DecideRemediation command, Contracts.Remediation remediation)
    {
        var mine = remediation.Decisions.FirstOrDefault(d => string.Equals(d.ActorId, command.ActorId, StringComparison.Ordinal));
        if (mine is not null && mine.Approved == command.Approve)
        {
            // The same decision again (a retried request): nothing changes, and it is not an error.
            return new RemediationCommandResult { Accepted = true, Status = 200, Remediation = remediation };
        }

        if (remediation.State != RemediationState.PendingApproval)
        {
            return Refused(409, remediation.State switch
            {
                RemediationState.Expired => $"remediation {remediation.Id} expired at {remediation.ExpiresAt:O}",
                RemediationState.Rejected => $"remediation {remediation.Id} was already rejected by {Rejecter(remediation)}",
                RemediationState.Proposed => $"remediation {remediation.Id} is not awaiting approval yet",
                _ => $"remediation {remediation.Id} was already approved (now {RemediationStates.Name(remediation.State)})",
            }, remediation);
        }

        if (mine is not null)
        {
            return Refused(409, $"{command.Actor} already decided on remediation {remediation.Id}", remediation);
        }

        if (remediation.AllowedRoles.Count > 0 &&
            !command.Roles.Any(r => remediation.AllowedRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            return Refused(403, $"deciding on remediation {remediation.Id} needs one of the roles {string.Join(", ", remediation.AllowedRoles)}", remediation);
        }

        if (command.Approve && string.Equals(command.ActorId, remediation.RequestedById, StringComparison.Ordinal))
        {
            return Refused(403, $"remediation {remediation.Id} needs an approver other than its requester {remediation.RequestedBy} (four eyes)", remediation);
        }

        return null;
    }

    private async Task RecordAsync(
        Contracts.Remediation stored, ApprovalDecision decision, int approvals, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        telemetry.Decided(decision.Channel, decision.Approved);
        var kind = stored.State switch
        {
            RemediationState.Rejected => "rejected",
            RemediationState.Approved => "approved",
            _ => "approval",
        };
        await workflow.AuditAsync(kind, decision.Actor, decision.Channel, stored, cancellationToken,
            ("comment", decision.Comment),
            ("approvals", $"{approvals}/{Math.Max(1, stored.RequiredApprovals)}"));
        logger.LogInformation("{Actor} ({Channel}) {Decision} remediation {RemediationId} of incident {IncidentId}: now {State}",
            decision.Actor, decision.Channel, decision.Approved ? "approved" : "rejected", stored.Id, stored.IncidentId,
            RemediationStates.Name(stored.State));
        if (stored.State == RemediationState.Rejected)
        {
            await publish.Publish(new RemediationRejected
            {
                IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = decision.At, Remediation = stored,
                Actor = decision.Actor, Channel = decision.Channel, Reason = decision.Comment,
            }, cancellationToken);
            await workflow.Repository.CloseAsync(stored.Id, cancellationToken);
        }
        else if (stored.State == RemediationState.Approved)
        {
            await workflow.ApprovedAsync(stored, decision.Actor, decision.Channel, publish, cancellationToken);
        }
    }

    private static string Rejecter(Contracts.Remediation remediation) =>
        remediation.Decisions.LastOrDefault(d => !d.Approved)?.Actor ?? "someone";

    private static RemediationCommandResult Refused(int status, string error, Contracts.Remediation? remediation) =>
        new() { Accepted = false, Status = status, Error = error, Remediation = remediation };
}
