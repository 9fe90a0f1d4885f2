using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>How a rule's actions are approved.</summary>
/// <param name="Mode">Auto, or manual.</param>
/// <param name="Approvers">
/// How many distinct approvers a manual action needs; when the rule does not say, two for a high-risk rule and one
/// otherwise (0 while parsing means "not said").
/// </param>
/// <param name="Roles">Roles allowed to approve; a manual rule must name at least one (a load error otherwise).</param>
/// <param name="ExpiresAfter">How long a pending approval waits before it expires.</param>
internal sealed record ApprovalSettings(ApprovalMode Mode, int Approvers, IReadOnlyList<string> Roles, TimeSpan ExpiresAfter)
{
    /// <summary>Runs without approval.</summary>
    public static readonly ApprovalSettings Auto = new(ApprovalMode.Auto, 0, [], TimeSpan.FromHours(1));

    /// <summary>Manual, with the number of approvers not said yet (the rule's risk decides it).</summary>
    public static readonly ApprovalSettings Manual = Auto with { Mode = ApprovalMode.Manual };
}
