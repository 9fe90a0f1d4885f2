using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Moves remediations along when time, not a message, is the trigger: expires pending approvals, sends the execute
/// command again for approvals no executor picked up, marks executions that never reported interrupted (they are not
/// run again, nor called failed: a person resolves them), verifies successful runs when due, and finishes proposals a crashed consumer left half-done. Every
/// step is a version-checked transition, so several replicas may sweep at once.
/// </summary>
internal sealed class RemediationSweeper(
    RemediationWorkflow workflow, InterruptionService interruptions, VerificationService verification, PolicyProvider policies, IBus bus,
    IOptions<RemediationOptions> options, SweepStatus status, ILogger<RemediationSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan OrphanAge = TimeSpan.FromMinutes(5);

    /// <summary>One sweep over the open remediations.</summary>
    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await workflow.Repository.ListOpenAsync(1000, cancellationToken))
        {
            try
            {
                await SweepAsync(entry, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sweeping remediation {RemediationId} of incident {IncidentId} failed", entry.RemediationId, entry.IncidentId);
            }
        }

        status.Succeeded(workflow.Time.GetUtcNow());
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, workflow.Time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                status.Failed(e.Message);
                logger.LogError(e, "The remediation sweep failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SweepAsync(OpenRemediation entry, CancellationToken cancellationToken)
    {
        var now = workflow.Time.GetUtcNow();
        var remediation = await workflow.Repository.GetAsync(entry.RemediationId, cancellationToken);
        if (remediation is null)
        {
            // The proposal may be being written right now; only old entries without a remediation are orphans.
            if (now - entry.CreatedAt > OrphanAge)
            {
                await workflow.Repository.CloseAsync(entry.RemediationId, cancellationToken);
            }

            return;
        }

        var settings = options.Value;
        var rule = policies.Current.Rule(remediation.Rule);
        switch (remediation.State)
        {
            case RemediationState.Proposed when now - remediation.UpdatedAt >= settings.ResendApprovedAfter:
                await workflow.AdvanceAsync(remediation, rule?.Approval.ExpiresAfter ?? TimeSpan.FromHours(1), bus, cancellationToken);
                break;
            case RemediationState.PendingApproval when remediation.ExpiresAt <= now:
                await workflow.ExpireAsync(remediation, bus, cancellationToken);
                break;
            case RemediationState.Approved when now - remediation.UpdatedAt >= settings.ResendApprovedAfter:
                await ResendAsync(remediation, now, cancellationToken);
                break;
            case RemediationState.Executing when now - remediation.UpdatedAt >= settings.ExecutionTimeout:
                await InterruptedAsync(remediation, cancellationToken);
                break;
            case RemediationState.Succeeded:
                if (remediation.DryRun || rule?.VerifyAfter is null)
                {
                    await workflow.Repository.CloseAsync(remediation.Id, cancellationToken);
                }
                else if (now >= (remediation.Result?.FinishedAt ?? remediation.UpdatedAt) + rule.VerifyAfter.Value)
                {
                    await verification.VerifyAsync(remediation, bus, cancellationToken);
                }

                break;
            case var state when RemediationStates.IsFinal(state):
                await workflow.Repository.CloseAsync(remediation.Id, cancellationToken);
                break;
        }
    }

    // The execute command may have been lost (a crash between approval and publish): send it again. The executor's
    // claim makes a duplicate harmless; touching UpdatedAt keeps other replicas from sending it at the same time.
    private async Task ResendAsync(Contracts.Remediation approved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await workflow.Repository.TryUpdateAsync(approved with { UpdatedAt = now }, cancellationToken) is { } touched)
        {
            logger.LogWarning("Remediation {RemediationId} approved at {ApprovedAt} has not started; sending its execute command again",
                touched.Id, approved.UpdatedAt);
            await bus.Publish(new ExecuteRemediation { IncidentId = touched.IncidentId, RemediationId = touched.Id, OccurredAt = now },
                cancellationToken);
        }
    }

    // The executor's process stopped (or hangs) after claiming the run: the action may have happened. Another replica may
    // still be running it, so only a run past the execution timeout is taken as interrupted.
    private Task InterruptedAsync(Contracts.Remediation executing, CancellationToken cancellationToken) =>
        interruptions.InterruptAsync(executing,
            $"interrupted: no result within {options.Value.ExecutionTimeout} of starting; the action may have run, so it is not run again nor called failed: a person resolves it",
            "system", null, bus, cancellationToken);
}
