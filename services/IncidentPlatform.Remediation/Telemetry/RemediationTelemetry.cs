using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IncidentPlatform.Remediation.Telemetry;

/// <summary>The remediation's traces and metrics: ActivitySource and Meter <c>incidentplatform.remediation</c>, instruments <c>incidentplatform.remediation.*</c>.</summary>
internal sealed class RemediationTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "incidentplatform.remediation";

    /// <summary>The service's activities.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _proposed;
    private readonly Counter<long> _approvalsRequested;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _executions;
    private readonly Counter<long> _verifications;

    public RemediationTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _proposed = meter.CreateCounter<long>("incidentplatform.remediation.proposed", description: "Remediations proposed by policy rules");
        _approvalsRequested = meter.CreateCounter<long>("incidentplatform.remediation.approvals_requested");
        _decisions = meter.CreateCounter<long>("incidentplatform.remediation.decisions", description: "Approval decisions recorded");
        _executions = meter.CreateCounter<long>("incidentplatform.remediation.executions", description: "Executions by action and outcome");
        _verifications = meter.CreateCounter<long>("incidentplatform.remediation.verifications");
    }

    /// <summary>A rule proposed a remediation.</summary>
    public void Proposed(Contracts.Remediation remediation) => _proposed.Add(1, Tag("action", remediation.ActionId), Tag("rule", remediation.Rule));

    /// <summary>A remediation waits for approvers.</summary>
    public void ApprovalRequested(Contracts.Remediation remediation) => _approvalsRequested.Add(1, Tag("action", remediation.ActionId));

    /// <summary>A person decided.</summary>
    public void Decided(string channel, bool approved) => _decisions.Add(1, Tag("channel", channel), Tag("approved", approved));

    /// <summary>An execution ended.</summary>
    public void Executed(Contracts.Remediation remediation, bool success) =>
        _executions.Add(1, Tag("action", remediation.ActionId), Tag("outcome", success ? "succeeded" : "failed"), Tag("dry_run", remediation.DryRun));

    /// <summary>A verification ended.</summary>
    public void Verified(bool recovered) => _verifications.Add(1, Tag("recovered", recovered));

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
