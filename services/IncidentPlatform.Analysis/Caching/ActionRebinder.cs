using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Caching;

/// <summary>
/// Re-binds a cached analysis's recommended actions to the incident that reuses it: a parameter taken from a label of
/// the original incident (a cluster, an instance id) takes the same label's value from the new incident. An action
/// whose label the new incident lacks is dropped and noted rather than pointed at the other incident's resources.
/// </summary>
internal static class ActionRebinder
{
    public static IReadOnlyList<RecommendedAction> Rebind(
        IReadOnlyList<RecommendedAction> actions, IReadOnlyDictionary<string, string> sourceLabels, IncidentContext current,
        List<string> notes)
    {
        var result = new List<RecommendedAction>();
        foreach (var action in actions)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            string? missing = null;
            foreach (var (name, value) in action.Parameters)
            {
                // Numbers (a capacity) are not resource names: they stay as they are.
                var keys = value.All(char.IsDigit) ? [] : sourceLabels.Where(l => l.Value == value).Select(l => l.Key).ToList();
                if (keys.Count == 0)
                {
                    parameters[name] = value;
                    continue;
                }

                var key = keys.FirstOrDefault(current.Labels.ContainsKey);
                if (key is null)
                {
                    missing = name;
                    break;
                }

                parameters[name] = current.Labels[key];
            }

            if (missing is null)
            {
                result.Add(action with { Parameters = parameters });
            }
            else
            {
                notes.Add($"Cached action {action.ActionId} dropped: its parameter \"{missing}\" came from a label this incident does not have.");
            }
        }

        return result;
    }
}
