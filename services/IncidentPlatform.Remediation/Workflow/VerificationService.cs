using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Telemetry;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Checks, the rule's delay after a successful run, whether the incident recovered: resolved meanwhile, or no alert
/// since the action finished. Recovered → Verified and a <see cref="ResolveIncident"/> command; not recovered →
/// Escalated and an <see cref="UpdateIncident"/> command raising the severity one step. The detector owns incidents,
/// so both are commands to it, published without waiting for an answer.
/// </summary>
internal sealed class VerificationService(
    IIncidentStore incidents, RemediationWorkflow workflow, RemediationTelemetry telemetry, ILogger<VerificationService> logger)
{
    /// <summary>The actor named on the commands and audit entries.</summary>
    public const string Actor = "remediation";

    /// <summary>Verifies <paramref name="succeeded"/>; returns false when another replica did it first.</summary>
    public async Task<bool> VerifyAsync(Contracts.Remediation succeeded, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var finishedAt = succeeded.Result?.FinishedAt ?? succeeded.UpdatedAt;
        var incident = await incidents.GetAsync(succeeded.IncidentId, cancellationToken);
        var recovered = incident is null || incident.Status == IncidentStatus.Resolved || incident.LastAlertAt <= finishedAt;
        var now = workflow.Time.GetUtcNow();
        var state = recovered ? RemediationState.Verified : RemediationState.Escalated;
        if (await workflow.Repository.TryUpdateAsync(succeeded with { State = state, UpdatedAt = now }, cancellationToken) is not { } stored)
        {
            return false;
        }

        telemetry.Verified(recovered);
        var evidence = incident is null ? "the incident no longer exists"
            : incident.Status == IncidentStatus.Resolved ? "the incident was resolved"
            : recovered ? $"no alert since the action finished at {finishedAt:O}"
            : $"alerts continued until {incident.LastAlertAt:O}, after the action finished at {finishedAt:O}";
        if (recovered)
        {
            await workflow.AuditAsync("verified", Actor, "system", stored, cancellationToken, ("evidence", evidence));
            if (incident is { Status: not IncidentStatus.Resolved })
            {
                await publish.Publish(new ResolveIncident
                {
                    IncidentId = stored.IncidentId, OccurredAt = now, Actor = Actor,
                    Reason = $"remediation {stored.Id} ({stored.ActionId}) verified: {evidence}",
                }, cancellationToken);
            }
        }
        else
        {
            var raised = (Severity)Math.Min((int)Severity.Critical, (int)incident!.Severity + 1);
            await workflow.AuditAsync("escalated", Actor, "system", stored, cancellationToken, ("evidence", evidence),
                ("severity", $"{incident.Severity.ToString().ToLowerInvariant()} -> {raised.ToString().ToLowerInvariant()}"));
            await publish.Publish(new UpdateIncident
            {
                IncidentId = stored.IncidentId, OccurredAt = now, Actor = Actor, Severity = raised,
                Note = $"remediation {stored.Id} ({stored.ActionId}) did not recover the incident: {evidence}; escalated",
            }, cancellationToken);
        }

        logger.LogInformation("Remediation {RemediationId} of incident {IncidentId} {Outcome}: {Evidence}",
            stored.Id, stored.IncidentId, recovered ? "verified" : "escalated", evidence);
        await workflow.Repository.CloseAsync(stored.Id, cancellationToken);
        return true;
    }
}
