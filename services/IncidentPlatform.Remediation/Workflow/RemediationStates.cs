using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>Facts about the workflow states.</summary>
internal static class RemediationStates
{
    /// <summary>True when nothing more happens to a remediation in this state without a person (or never).</summary>
    public static bool IsFinal(RemediationState state) => state is RemediationState.Rejected or RemediationState.Expired or
        RemediationState.Failed or RemediationState.Verified or RemediationState.Escalated;

    /// <summary>True while a remediation still waits to run or is running.</summary>
    public static bool IsActive(RemediationState state) => state is RemediationState.Proposed or
        RemediationState.PendingApproval or RemediationState.Approved or RemediationState.Executing;

    /// <summary>The lower-case name used in audit entries and messages.</summary>
    public static string Name(RemediationState state) => state switch
    {
        RemediationState.PendingApproval => "pending-approval",
        _ => state.ToString().ToLowerInvariant(),
    };
}
