using IncidentPlatform.Remediation.Catalog;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>What one policy file declares, before the files of a directory are combined.</summary>
/// <param name="Name">The file name, relative to the policy path.</param>
/// <param name="Rules">Its rules.</param>
/// <param name="Bounds">Its bounds, by action id, with the line each is declared on.</param>
/// <param name="Canonical">Its canonical JSON (comments, layout and key order removed), for the version hash.</param>
internal sealed record PolicyFile(
    string Name, IReadOnlyList<PolicyRule> Rules, IReadOnlyDictionary<string, (ActionBounds Bounds, long Line)> Bounds,
    string Canonical);
