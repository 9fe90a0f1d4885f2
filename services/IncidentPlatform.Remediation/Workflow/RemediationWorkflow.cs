using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Telemetry;
using MassTransit;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// The transitions shared by proposals, decisions and the sweeper. Each is a version-checked write; only the writer
/// that wins it records the audit entry and publishes the events, so a redelivered message or a second replica
/// changes nothing twice and sends nothing twice.
/// </summary>
internal sealed class RemediationWorkflow(
    RemediationRepository repository, AuditTrail auditTrail, RemediationTimeline timeline, TimeProvider time,
    RemediationTelemetry telemetry, ILogger<RemediationWorkflow> logger)
{
    /// <summary>The repository.</summary>
    public RemediationRepository Repository { get; } = repository;

    /// <summary>The audit trail.</summary>
    public AuditTrail AuditTrail { get; } = auditTrail;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Appends an audit entry about <paramref name="remediation"/>, and the step's readable line to the incident's timeline.
    /// </summary>
    public async Task AuditAsync(
        string kind, string actor, string channel, Contracts.Remediation remediation, CancellationToken cancellationToken,
        params (string Key, string? Value)[] extra)
    {
        var details = AuditDetails.Of(remediation, extra);
        await AuditTrail.AppendAsync(new AuditRecord(remediation.IncidentId, kind, actor, channel, details)
        {
            RemediationId = remediation.Id, Rule = remediation.Rule, PolicyVersion = remediation.PolicyVersion,
        }, cancellationToken);
        await timeline.AppendAsync(kind, actor, channel, remediation, details, cancellationToken);
    }

    /// <summary>
    /// Moves a Proposed remediation on: auto approval → Approved (and the execute command), manual → PendingApproval
    /// until its expiry. Does nothing when someone else moved it first.
    /// </summary>
    public async Task AdvanceAsync(
        Contracts.Remediation proposed, TimeSpan expiresAfter, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (proposed.ApprovalMode == ApprovalMode.Auto)
        {
            if (await Repository.TryUpdateAsync(proposed with { State = RemediationState.Approved, UpdatedAt = now }, cancellationToken) is { } approved)
            {
                await AuditAsync("approved", "policy", "policy", approved, cancellationToken, ("reason", "auto approval by the policy rule"));
                await ApprovedAsync(approved, "policy", "policy", publish, cancellationToken);
            }

            return;
        }

        var pending = proposed with { State = RemediationState.PendingApproval, ExpiresAt = now + expiresAfter, UpdatedAt = now };
        if (await Repository.TryUpdateAsync(pending, cancellationToken) is { } stored)
        {
            await AuditAsync("approval-requested", "policy", "policy", stored, cancellationToken,
                ("requiredApprovals", stored.RequiredApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("allowedRoles", string.Join(",", stored.AllowedRoles)),
                ("expiresAt", stored.ExpiresAt?.ToString("O")));
            telemetry.ApprovalRequested(stored);
            await publish.Publish(new ApprovalRequested
            {
                IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = now, Remediation = stored,
            }, cancellationToken);
        }
    }

    /// <summary>Announces an approval and asks an executor to run it (the executor's claim makes a repeat harmless).</summary>
    public async Task ApprovedAsync(
        Contracts.Remediation approved, string actor, string channel, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await publish.Publish(new RemediationApproved
        {
            IncidentId = approved.IncidentId, RemediationId = approved.Id, OccurredAt = now, Remediation = approved,
            Actor = actor, Channel = channel,
        }, cancellationToken);
        await publish.Publish(new ExecuteRemediation
        {
            IncidentId = approved.IncidentId, RemediationId = approved.Id, OccurredAt = now,
        }, cancellationToken);
    }

    /// <summary>Expires a pending remediation whose time is up; returns the expired remediation, or null when it moved on.</summary>
    public async Task<Contracts.Remediation?> ExpireAsync(
        Contracts.Remediation pending, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (await Repository.TryUpdateAsync(pending with { State = RemediationState.Expired, UpdatedAt = now }, cancellationToken) is not { } expired)
        {
            return null;
        }

        await ExpiredAsync(expired, publish, cancellationToken);
        return expired;
    }

    /// <summary>Records and announces an expiry that this writer stored.</summary>
    public async Task ExpiredAsync(Contracts.Remediation expired, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        await AuditAsync("expired", "system", "system", expired, cancellationToken, ("expiresAt", expired.ExpiresAt?.ToString("O")));
        await publish.Publish(new RemediationRejected
        {
            IncidentId = expired.IncidentId, RemediationId = expired.Id, OccurredAt = expired.UpdatedAt, Remediation = expired,
            Actor = "system", Channel = "system", Reason = $"no decision before {expired.ExpiresAt:O}",
        }, cancellationToken);
        await Repository.CloseAsync(expired.Id, cancellationToken);
        logger.LogInformation("Remediation {RemediationId} of incident {IncidentId} expired unapproved", expired.Id, expired.IncidentId);
    }
}
