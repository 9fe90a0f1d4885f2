namespace IncidentPlatform.Contracts;

/// <summary>Whether a policy lets an action run by itself.</summary>
public enum ApprovalMode
{
    /// <summary>Runs as soon as it is proposed (within the rule's limits).</summary>
    Auto = 0,

    /// <summary>Needs the rule's number of approvals from its allowed roles.</summary>
    Manual = 1,
}
