using IncidentPlatform.Remediation.Catalog;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>A loaded policy: rules in order, the catalog bounds, and its version (the SHA-256 of its canonical content).</summary>
/// <param name="Version">The content hash, 64 lower-case hex digits (empty for <see cref="Empty"/>).</param>
/// <param name="Rules">The rules, in file then declaration order.</param>
/// <param name="Bounds">The bounds per catalog action id.</param>
/// <param name="Source">Where it was loaded from.</param>
internal sealed record RemediationPolicy(
    string Version, IReadOnlyList<PolicyRule> Rules, IReadOnlyDictionary<string, ActionBounds> Bounds, string Source)
{
    /// <summary>No policy: nothing is allowed.</summary>
    public static readonly RemediationPolicy Empty = new("", [], new Dictionary<string, ActionBounds>(), "(no policy)");

    /// <summary>The rule with that name, or null.</summary>
    public PolicyRule? Rule(string name) => Rules.FirstOrDefault(r => r.Name == name);

    /// <summary>The bounds of an action (none set: <see cref="ActionBounds.None"/>).</summary>
    public ActionBounds BoundsFor(string actionId) => Bounds.TryGetValue(actionId, out var bounds) ? bounds : ActionBounds.None;
}
