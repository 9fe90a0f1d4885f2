using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;

namespace IncidentPlatform.Remediation.Executors;

/// <summary>One execution of an approved remediation, with its parameters checked against the bounds in force.</summary>
/// <param name="Remediation">The remediation (state Executing).</param>
/// <param name="Parameters">The checked, normalized parameters.</param>
/// <param name="Bounds">The action's bounds in the policy in force.</param>
/// <param name="DryRun">True: record the request, send nothing.</param>
internal sealed record ActionRun(
    Contracts.Remediation Remediation, IReadOnlyDictionary<string, string> Parameters, ActionBounds Bounds, bool DryRun)
{
    /// <summary>A parameter's value, or null.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
