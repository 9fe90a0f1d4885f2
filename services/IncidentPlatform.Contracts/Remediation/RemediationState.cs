namespace IncidentPlatform.Contracts;

/// <summary>
/// The approval workflow: Proposed → PendingApproval → Approved | Rejected | Expired → Executing →
/// Succeeded | Failed | Interrupted → Verified | Escalated. Auto-approved actions go from Proposed straight to Approved. An
/// Interrupted remediation waits for a person, who records it as succeeded or failed or sends it back to Approved to run again.
/// </summary>
public enum RemediationState
{
    /// <summary>A policy rule proposed the action.</summary>
    Proposed = 0,

    /// <summary>Waiting for approvers, until it expires.</summary>
    PendingApproval = 1,

    /// <summary>Approved (by policy or by enough approvers); execution follows.</summary>
    Approved = 2,

    /// <summary>An approver rejected it.</summary>
    Rejected = 3,

    /// <summary>Nobody decided before the expiry.</summary>
    Expired = 4,

    /// <summary>The executor is running it (claimed exactly once).</summary>
    Executing = 5,

    /// <summary>The action ran and reported success.</summary>
    Succeeded = 6,

    /// <summary>The action ran and failed, or was refused at run time (bounds, cooldown, window).</summary>
    Failed = 7,

    /// <summary>The verification after the action found the service recovered.</summary>
    Verified = 8,

    /// <summary>The verification found the service not recovered; the incident was escalated.</summary>
    Escalated = 9,

    /// <summary>
    /// The executor was interrupted after the action may have started (the process stopped, or the call ended without a
    /// definite answer): it is never run again nor called failed by itself; a person decides what happened.
    /// </summary>
    Interrupted = 10,
}
