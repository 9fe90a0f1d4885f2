namespace IncidentPlatform.Remediation.Policies;

/// <summary>How many of a rule's actions are proposed when it matches.</summary>
internal enum RulePick
{
    /// <summary>Every action (in the order the analysis ranks them, then the rule's order).</summary>
    All,

    /// <summary>The one the analysis ranks first among the rule's actions, else the rule's first.</summary>
    One,
}
