using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Telemetry;
using IncidentPlatform.Remediation.Workflow;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors;

/// <summary>
/// Runs approved remediations at most once. The Approved → Executing transition is a version-checked write: of any
/// number of deliveries, replicas or executors racing for one approval, exactly one wins it, and only the winner runs
/// the action. Right before running, it checks again what the policy in force allows: the rule still names the
/// action, the parameters are inside the bounds, the time window is open, and the cooldown and run limits permit it.
/// A run that ends without a definite answer after it may have started (a timeout, a cut connection, this process
/// stopping mid-call) is recorded as interrupted, for a person to resolve: never failed, never run again by itself.
/// </summary>
internal sealed class RemediationExecutor(
    RemediationWorkflow workflow, InterruptionService interruptions, PolicyProvider policies, RunLimits limits, IEnumerable<IActionExecutor> executors,
    IOptions<RemediationOptions> options, RemediationTelemetry telemetry, ILogger<RemediationExecutor> logger)
{
    private readonly Dictionary<string, IActionExecutor> _executors = executors.ToDictionary(e => e.ActionId, StringComparer.Ordinal);

    /// <summary>Runs the remediation if it is approved and this call wins the claim; returns true when it ran here.</summary>
    public async Task<bool> ExecuteAsync(string remediationId, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var approved = await workflow.Repository.GetAsync(remediationId, cancellationToken);
        if (approved is null || approved.State != RemediationState.Approved)
        {
            logger.LogDebug("Remediation {RemediationId} is {State}: nothing to execute", remediationId,
                approved is null ? "unknown" : RemediationStates.Name(approved.State));
            return false;
        }

        var started = workflow.Time.GetUtcNow();
        var claim = approved with { State = RemediationState.Executing, UpdatedAt = started };
        if (await workflow.Repository.TryUpdateAsync(claim, cancellationToken) is not { } executing)
        {
            logger.LogInformation("Remediation {RemediationId} was claimed by another executor", remediationId);
            return false;
        }

        using var activity = RemediationTelemetry.Source.StartActivity("remediation.execute");
        activity?.SetTag("remediation.id", executing.Id);
        activity?.SetTag("remediation.action", executing.ActionId);
        await workflow.AuditAsync("executing", "executor", "executor", executing, cancellationToken, ("host", Environment.MachineName));

        var (run, refusal) = await PrepareAsync(executing, started, cancellationToken);
        ActionOutcome outcome;
        if (refusal is not null)
        {
            outcome = ActionOutcome.Failed(null, $"refused at execution: {refusal}");
        }
        else if (!_executors.TryGetValue(executing.ActionId, out var executor))
        {
            outcome = ActionOutcome.Failed(null, $"no executor for {executing.ActionId}");
        }
        else
        {
            outcome = await RunAsync(executor, run!, cancellationToken);
        }

        if (outcome.Uncertain)
        {
            telemetry.Executed(executing, success: false);
            await interruptions.InterruptAsync(executing, $"interrupted: {outcome.Error}; the action may have run, so it is not run again nor called failed: a person resolves it",
                "executor", outcome.Request, publish, cancellationToken);
            return true;
        }

        await FinishAsync(executing, outcome, started, run?.DryRun ?? executing.DryRun, publish, cancellationToken);
        return true;
    }

    private async Task<(ActionRun? Run, string? Refusal)> PrepareAsync(
        Contracts.Remediation remediation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        var rule = policy.Rule(remediation.Rule);
        if (rule is null || rule.Actions.All(a => a.ActionId != remediation.ActionId))
        {
            return (null, $"the policy in force ({Short(policy.Version)}) no longer lets rule '{remediation.Rule}' run {remediation.ActionId}");
        }

        var bounds = policy.BoundsFor(remediation.ActionId);
        var check = ActionSchemas.ById[remediation.ActionId].Check(remediation.Parameters, bounds);
        if (!check.Ok)
        {
            return (null, string.Join("; ", check.Errors));
        }

        if (await limits.ClaimAsync(rule, remediation.ActionId, check.Target, now, cancellationToken) is { } limited)
        {
            return (null, limited);
        }

        var dryRun = remediation.DryRun || options.Value.DryRun == true || rule.DryRun;
        return (new ActionRun(remediation, check.Parameters, bounds, dryRun), null);
    }

    private async Task FinishAsync(
        Contracts.Remediation executing, ActionOutcome outcome, DateTimeOffset started, bool dryRun, IPublishEndpoint publish,
        CancellationToken cancellationToken)
    {
        var finished = workflow.Time.GetUtcNow();
        var result = new RemediationResult
        {
            Success = outcome.Success, DryRun = dryRun, Request = outcome.Request, Output = outcome.Output, Error = outcome.Error,
            StartedAt = started, FinishedAt = finished,
        };
        var done = executing with
        {
            State = outcome.Success ? RemediationState.Succeeded : RemediationState.Failed,
            Result = result,
            DryRun = dryRun,
            UpdatedAt = finished,
        };

        // Only the claim winner writes an Executing remediation, so this write wins unless the sweeper timed it out.
        if (await workflow.Repository.TryUpdateAsync(done, cancellationToken) is not { } stored)
        {
            logger.LogError("Remediation {RemediationId} changed while it was executing; its result is in the audit trail only", executing.Id);
            stored = done;
        }

        telemetry.Executed(stored, outcome.Success);
        await workflow.AuditAsync(outcome.Success ? "succeeded" : "failed", "executor", "executor", stored, cancellationToken,
            ("request", outcome.Request), ("output", outcome.Output), ("error", outcome.Error));
        if (outcome.Success)
        {
            logger.LogInformation("Remediation {RemediationId} ({ActionId} on {Target}) succeeded{DryRun}: {Output}",
                stored.Id, stored.ActionId, stored.Target, dryRun ? " (dry-run)" : "", outcome.Output);
            await publish.Publish(new RemediationExecuted
            {
                IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = finished, Remediation = stored, Result = result,
            }, cancellationToken);
        }
        else
        {
            logger.LogWarning("Remediation {RemediationId} ({ActionId} on {Target}) failed: {Error}",
                stored.Id, stored.ActionId, stored.Target, outcome.Error);
            await publish.Publish(new RemediationFailed
            {
                IncidentId = stored.IncidentId, RemediationId = stored.Id, OccurredAt = finished, Remediation = stored,
                Error = outcome.Error ?? "failed",
            }, cancellationToken);
        }

        // A run that needs no verification is done; the sweeper verifies the others when they are due.
        var verify = outcome.Success && !dryRun && policies.Current.Rule(stored.Rule)?.VerifyAfter is not null;
        if (!verify)
        {
            await workflow.Repository.CloseAsync(stored.Id, cancellationToken);
        }
    }

    // An executor reports failures as outcomes; anything it throws is still recorded as this run's outcome, because the
    // claim is spent and the remediation must never run a second time by itself. A timeout leaves open whether the call
    // reached its target, so it is recorded as interrupted. When this process stops mid-run the remediation stays
    // Executing (its bus may be gone, so nothing could be announced); the sweeper marks it interrupted after the
    // execution timeout, on whichever replica runs first — as after a crash.
    private async Task<ActionOutcome> RunAsync(IActionExecutor executor, ActionRun run, CancellationToken cancellationToken)
    {
        try
        {
            return await executor.ExecuteAsync(run, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Executor {ActionId} timed out for remediation {RemediationId}", executor.ActionId, run.Remediation.Id);
            return ActionOutcome.Unknown(null, $"no answer in time ({e.GetType().Name}: {e.Message})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Executor {ActionId} threw for remediation {RemediationId}", executor.ActionId, run.Remediation.Id);
            return ActionOutcome.Failed(null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Short(string version) => version.Length > 12 ? version[..12] : version;
}
