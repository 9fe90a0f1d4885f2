namespace IncidentPlatform.Remediation.Executors;

/// <summary>Runs one catalog action. Called only by <see cref="RemediationExecutor"/>, after it won the claim.</summary>
internal interface IActionExecutor
{
    /// <summary>The catalog id it runs.</summary>
    string ActionId { get; }

    /// <summary>Runs the action (or, in dry-run, records the request it would send). Failures are outcomes, not exceptions.</summary>
    Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken);
}
