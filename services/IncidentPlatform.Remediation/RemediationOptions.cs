namespace IncidentPlatform.Remediation;

/// <summary>The remediation service's settings (section <c>Remediation</c>).</summary>
internal sealed class RemediationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Remediation";

    /// <summary>
    /// The policy: a YAML file or a directory of *.yaml files (relative paths from the content root). Unset: no
    /// policy, nothing is proposed. The standalone host defaults it to the bundled sample policy.
    /// </summary>
    public string? PolicyPath { get; set; }

    /// <summary>True: every action only records the request it would send, whatever the policy says. Unset or false:
    /// each rule's <c>dryRun</c> decides. The standalone host defaults it to true.</summary>
    public bool? DryRun { get; set; }

    /// <summary>How often the policy files are checked for changes (besides file-system notifications).</summary>
    public TimeSpan PolicyCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a changed policy file must stay unchanged before it is loaded (it may be half-written).</summary>
    public TimeSpan PolicySettleTime { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often pending approvals, stuck executions and due verifications are swept.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>An approved remediation not picked up by an executor within this time gets its execute command again.</summary>
    public TimeSpan ResendApprovedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An execution still running after this time is recorded as interrupted (a person resolves it) and never retried by itself.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
