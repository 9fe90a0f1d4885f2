using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Policies;
using IncidentPlatform.Remediation.Telemetry;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Concurrency;
using IncidentPlatform.Store;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>
/// Turns an analysis into proposals: evaluates the policy for the incident, leaves out actions already pending for the
/// same target or held back by windows, cooldowns and run limits, and proposes the rest. Proposal ids derive from the
/// analysis, rule, action and target, so a redelivered <see cref="IncidentAnalyzed"/> finds its proposals and only
/// finishes what a first delivery left half-done. Analyses of one incident are handled one at a time in this process
/// (alerts joining an incident bring new analyses, often together), so that the check for an action already pending
/// sees the proposal of the one before.
/// </summary>
internal sealed class ProposalService(
    IIncidentStore incidents, PolicyProvider policies, RemediationWorkflow workflow, RunLimits limits,
    IIdempotencyStore idempotency, IOptions<RemediationOptions> options, RemediationTelemetry telemetry,
    ILogger<ProposalService> logger)
{
    /// <summary>The requester of a remediation the policy proposed on its own (name and id).</summary>
    public const string Policy = "policy";

    private readonly KeyedLock _incidents = new();

    /// <summary>Proposes what the policy allows for the analyzed incident; returns the notes on what was left out.</summary>
    public async Task<IReadOnlyList<string>> ProposeAsync(
        IncidentAnalyzed message, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        using (await _incidents.AcquireAsync(message.IncidentId, cancellationToken))
        {
            return await ProposeOneAtATimeAsync(message, publish, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> ProposeOneAtATimeAsync(
        IncidentAnalyzed message, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetAsync(message.IncidentId, cancellationToken);
        if (incident is null || incident.Status == IncidentStatus.Resolved)
        {
            logger.LogInformation("Incident {IncidentId} is {State}: nothing to remediate", message.IncidentId,
                incident is null ? "unknown" : "resolved");
            return [];
        }

        var policy = policies.Current;
        var evaluation = PolicyEvaluator.Evaluate(policy, incident, message.Analysis);
        var notes = evaluation.Notes.ToList();
        var existing = await workflow.Repository.ListAsync(incident.Id, cancellationToken);
        var proposed = new List<string>();
        foreach (var candidate in evaluation.Candidates)
        {
            var id = Ids.FromKey("rem", string.Join('\n', incident.Id, message.Analysis.AnalyzedAt.ToString("O"),
                candidate.Rule.Name, candidate.ActionId, candidate.Target));
            if (existing.FirstOrDefault(r => r.Id == id) is { } again)
            {
                // Redelivered: finish the step a first delivery may not have completed.
                if (again.State == RemediationState.Proposed)
                {
                    await workflow.AdvanceAsync(again, candidate.Rule.Approval.ExpiresAfter, publish, cancellationToken);
                }

                continue;
            }

            if (existing.Any(r => RemediationStates.IsActive(r.State) && r.Rule == candidate.Rule.Name &&
                                  r.ActionId == candidate.ActionId && r.Target == candidate.Target))
            {
                notes.Add($"rule '{candidate.Rule.Name}': {candidate.ActionId} on {candidate.Target} is already pending");
                continue;
            }

            var now = workflow.Time.GetUtcNow();
            if (await limits.PeekAsync(candidate.Rule, candidate.ActionId, candidate.Target, now, cancellationToken) is { } held)
            {
                notes.Add($"rule '{candidate.Rule.Name}': {candidate.ActionId} held back: {held}");
                continue;
            }

            if (await ProposeAsync(id, candidate, policy, incident, Requester(message), publish, cancellationToken))
            {
                proposed.Add(id);
            }
        }

        await RecordEvaluationAsync(message, policy, evaluation, proposed, notes, cancellationToken);
        return notes;
    }

    private async Task<bool> ProposeAsync(
        string id, Candidate candidate, RemediationPolicy policy, Incident incident, (string By, string Id) requester,
        IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var now = workflow.Time.GetUtcNow();
        var rule = candidate.Rule;
        var remediation = new Contracts.Remediation
        {
            Id = id,
            IncidentId = incident.Id,
            ActionId = candidate.ActionId,
            Parameters = candidate.Parameters,
            Rule = rule.Name,
            PolicyVersion = policy.Version,
            Risk = rule.Risk,
            ApprovalMode = rule.Approval.Mode,
            RequiredApprovals = rule.Approval.Mode == ApprovalMode.Manual ? rule.Approval.Approvers : 0,
            AllowedRoles = rule.Approval.Roles,
            State = RemediationState.Proposed,
            RequestedBy = requester.By,
            RequestedById = requester.Id,
            DryRun = options.Value.DryRun == true || rule.DryRun,
            Target = candidate.Target,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await workflow.Repository.OpenAsync(remediation, now, cancellationToken);
        if (await workflow.Repository.TryCreateAsync(remediation, cancellationToken) is not { } created)
        {
            return false; // A concurrent delivery of the same analysis created it and carries it on.
        }

        telemetry.Proposed(created);
        await workflow.AuditAsync("proposed", requester.By, Policy, created, cancellationToken, ("requestedById", requester.Id),
            ("recommendedByAnalysis", candidate.Recommendation is null ? "false" : "true"),
            ("rationale", candidate.Recommendation?.Rationale));
        await publish.Publish(new RemediationProposed
        {
            IncidentId = created.IncidentId, RemediationId = created.Id, OccurredAt = now, Remediation = created,
        }, cancellationToken);
        logger.LogInformation("Rule {Rule} proposed {ActionId} on {Target} for incident {IncidentId} ({RemediationId}, {Approval}{DryRun})",
            rule.Name, created.ActionId, created.Target, created.IncidentId, created.Id, created.ApprovalMode,
            created.DryRun ? ", dry-run" : "");
        await workflow.AdvanceAsync(created, rule.Approval.ExpiresAfter, publish, cancellationToken);
        return true;
    }

    // Whoever asked for the analysis asked for what it proposes: that person may not also approve it (four eyes).
    private static (string By, string Id) Requester(IncidentAnalyzed message) =>
        message.RequestedById is { Length: > 0 } id ? (message.RequestedBy ?? id, id) : (Policy, Policy);

    // One "evaluated" entry per analysis when a rule matched or something was left out, so the trail also says why an
    // action did not run. The idempotency claim keeps a redelivery from writing it twice.
    private async Task RecordEvaluationAsync(
        IncidentAnalyzed message, RemediationPolicy policy, PolicyEvaluation evaluation, List<string> proposed,
        List<string> notes, CancellationToken cancellationToken)
    {
        foreach (var note in notes)
        {
            logger.LogInformation("Incident {IncidentId}: {PolicyNote}", message.IncidentId, note);
        }

        if (evaluation.Candidates.Count == 0 && notes.Count == 0)
        {
            return;
        }

        var key = $"remediation:evaluated:{message.IncidentId}:{message.Analysis.AnalyzedAt:O}";
        if (!await idempotency.TryClaimAsync(key, TimeSpan.FromDays(7), cancellationToken))
        {
            return;
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["category"] = message.Analysis.Category,
            ["proposed"] = string.Join(",", proposed),
        };
        for (var i = 0; i < notes.Count && i < 20; i++)
        {
            details[$"note{i + 1:00}"] = notes[i];
        }

        await workflow.AuditTrail.AppendAsync(
            new Audit.AuditRecord(message.IncidentId, "evaluated", "policy", "policy", details) { PolicyVersion = policy.Version },
            cancellationToken);
    }
}
