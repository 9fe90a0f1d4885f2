using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using MassTransit;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// The edge that cannot be exactly-once: an execution that may have started but never reported. It goes to
/// <see cref="RemediationState.Interrupted"/> (audited, announced with <see cref="RemediationInterrupted"/> so people are
/// told) and waits for a person, who records what happened (succeeded, failed) or sends it back to Approved to run once
/// more. Nothing here runs an action again by itself, and nothing calls a run failed that may have happened.
/// </summary>
internal sealed class InterruptionService(RemediationWorkflow workflow, ILogger<InterruptionService> logger)
{
    private static readonly string[] Channels = ["rest", "mcp", "ui"];

    /// <summary>Moves an Executing remediation to Interrupted; null when it changed meanwhile (someone else recorded it).</summary>
    public async Task<Contracts.Remediation?> InterruptAsync(
        Contracts.Remediation executing, string reason, string actor, string? request, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        var now = workflow.Time.GetUtcNow();
        var interrupted = executing with
        {
            State = RemediationState.Interrupted,
            UpdatedAt = now,
            Result = new RemediationResult
            {
                Success = false, DryRun = executing.DryRun, Request = request, Error = reason, StartedAt = executing.UpdatedAt, FinishedAt = now,
            },
        };
        if (await workflow.Repository.TryUpdateAsync(interrupted, cancellationToken) is not { } stored)
        {
            return null;
        }

        logger.LogError("Remediation {RemediationId} ({ActionId} on {Target}) was interrupted and needs a person: {Reason}",
            stored.Id, stored.ActionId, stored.Target, reason);
        await workflow.AuditAsync("interrupted", actor, actor, stored, cancellationToken, ("reason", reason));
        await publish.Publish(new RemediationInterrupted
        {
            IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = now, Remediation = stored, Reason = reason,
        }, cancellationToken);
        await workflow.Repository.CloseAsync(stored.Id, cancellationToken);
        return stored;
    }

    /// <summary>Applies a person's resolution; the result carries an HTTP-like status (200, 403, 404, 409).</summary>
    public async Task<RemediationCommandResult> ResolveAsync(
        ResolveRemediation command, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Actor) || string.IsNullOrWhiteSpace(command.ActorId) ||
            !Channels.Contains(command.Channel, StringComparer.Ordinal) || !Enum.IsDefined(command.Resolution))
        {
            return Refused(403, $"a resolution needs an identified actor, a channel ({string.Join(", ", Channels)}) and a known resolution", null);
        }

        RemediationCommandResult? refusal = null;
        Contracts.Remediation? stored;
        bool written;
        try
        {
            (stored, written) = await workflow.Repository.UpdateAsync(command.RemediationId, remediation =>
            {
                refusal = Refusal(command, remediation);
                return refusal is null ? Resolved(command, remediation, workflow.Time.GetUtcNow()) : null;
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

        if (refusal is not null || !written)
        {
            return refusal ?? Refused(409, $"remediation {stored.Id} is {RemediationStates.Name(stored.State)}", stored);
        }

        await RecordAsync(command, stored, publish, cancellationToken);
        return new RemediationCommandResult { Accepted = true, Status = 200, Remediation = stored };
    }

    private static RemediationCommandResult? Refusal(ResolveRemediation command, Contracts.Remediation remediation)
    {
        if (remediation.State != RemediationState.Interrupted)
        {
            return Refused(409, $"remediation {remediation.Id} is {RemediationStates.Name(remediation.State)}, not interrupted: there is nothing to resolve", remediation);
        }

        if (command.Resolution == RemediationResolution.Rerun && remediation.AllowedRoles.Count > 0 &&
            !command.Roles.Any(r => remediation.AllowedRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            return Refused(403, $"running remediation {remediation.Id} again needs one of the roles {string.Join(", ", remediation.AllowedRoles)}", remediation);
        }

        return null;
    }

    private static Contracts.Remediation Resolved(ResolveRemediation command, Contracts.Remediation interrupted, DateTimeOffset now)
    {
        var note = $"resolved by {command.Actor} ({command.Channel})" + (command.Comment is { Length: > 0 } c ? $": {c}" : "");
        return command.Resolution switch
        {
            RemediationResolution.Rerun => interrupted with { State = RemediationState.Approved, UpdatedAt = now },
            var resolution => interrupted with
            {
                State = resolution == RemediationResolution.Succeeded ? RemediationState.Succeeded : RemediationState.Failed,
                UpdatedAt = now,
                Result = (interrupted.Result ?? new RemediationResult { Success = false, StartedAt = now, FinishedAt = now }) with
                {
                    Success = resolution == RemediationResolution.Succeeded,
                    Output = resolution == RemediationResolution.Succeeded ? note : interrupted.Result?.Output,
                    Error = resolution == RemediationResolution.Succeeded ? null : $"{interrupted.Result?.Error}; {note}",
                },
            },
        };
    }

    private async Task RecordAsync(ResolveRemediation command, Contracts.Remediation stored, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var kind = command.Resolution switch
        {
            RemediationResolution.Rerun => "rerun-requested",
            RemediationResolution.Succeeded => "succeeded",
            _ => "failed",
        };
        await workflow.AuditAsync(kind, command.Actor, command.Channel, stored, cancellationToken,
            ("resolution", "interrupted run resolved by a person"), ("comment", command.Comment));
        logger.LogInformation("{Actor} ({Channel}) resolved interrupted remediation {RemediationId}: {Resolution}",
            command.Actor, command.Channel, stored.Id, command.Resolution);
        switch (stored.State)
        {
            case RemediationState.Approved:
                await workflow.Repository.OpenAsync(stored, stored.UpdatedAt, cancellationToken);
                await workflow.ApprovedAsync(stored, command.Actor, command.Channel, publish, cancellationToken);
                break;
            case RemediationState.Succeeded:
                await publish.Publish(new RemediationExecuted
                {
                    IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = stored.UpdatedAt, Remediation = stored,
                    Result = stored.Result!,
                }, cancellationToken);
                break;
            default:
                await publish.Publish(new RemediationFailed
                {
                    IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = stored.UpdatedAt, Remediation = stored,
                    Error = stored.Result?.Error ?? "failed",
                }, cancellationToken);
                break;
        }
    }

    private static RemediationCommandResult Refused(int status, string error, Contracts.Remediation? remediation) =>
        new() { Accepted = false, Status = status, Error = error, Remediation = remediation };
}
