using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Templates;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Turns policy files into a <see cref="RemediationPolicy"/>, or rejects them with every problem found. Its version
/// is the SHA-256 of the canonical content of its files in name order, so reformatting or comments do not change it.
/// </summary>
internal static class PolicyLoader
{
    /// <summary>Parses and checks <paramref name="source"/>; throws <see cref="PolicyLoadException"/> when it is invalid.</summary>
    public static RemediationPolicy Load(PolicySource source)
    {
        var errors = new List<PolicyError>();
        var files = source.Files.Select(f => PolicyParser.Parse(f.Name, f.Text, errors)).ToList();

        var bounds = new Dictionary<string, ActionBounds>(StringComparer.Ordinal);
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (actionId, (actionBounds, line)) in file.Bounds)
            {
                if (declaredIn.TryGetValue(actionId, out var first))
                {
                    errors.Add(new PolicyError(file.Name, line, 1, $"bounds for {actionId} are already set in {first}"));
                    continue;
                }

                declaredIn[actionId] = file.Name;
                bounds[actionId] = actionBounds;
            }
        }

        var rules = files.SelectMany(f => f.Rules).ToList();
        foreach (var duplicate in rules.GroupBy(r => r.Name).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            errors.Add(new PolicyError(duplicate.File, duplicate.Line, 1, $"rule name '{duplicate.Name}' is used more than once"));
        }

        foreach (var rule in rules)
        {
            CheckStaticActions(rule, bounds, errors);
        }

        if (errors.Count > 0)
        {
            throw new PolicyLoadException(errors);
        }

        var canonical = "[" + string.Join(",", files.Select(f => f.Canonical)) + "]";
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new RemediationPolicy(version, rules, bounds, source.Path);
    }

    // An action whose parameters are all literal is the same for every incident: check it against the bounds now, so a
    // policy that could never run is rejected when it is loaded, not when an incident needs it.
    private static void CheckStaticActions(PolicyRule rule, Dictionary<string, ActionBounds> bounds, List<PolicyError> errors)
    {
        foreach (var action in rule.Actions.Where(a => a.Parameters.Values.All(p => p.IsStatic)))
        {
            var parameters = action.Parameters.ToDictionary(p => p.Key, p => p.Value.Render(TemplateContext.Empty, out _) ?? "");
            var check = ActionSchemas.ById[action.ActionId].Check(
                parameters, bounds.TryGetValue(action.ActionId, out var actionBounds) ? actionBounds : ActionBounds.None);
            errors.AddRange(check.Errors.Select(e => new PolicyError(rule.File, action.Line, 1, $"rule '{rule.Name}': {e}")));
        }
    }
}
