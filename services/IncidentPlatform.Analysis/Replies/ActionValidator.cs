using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Replies;

/// <summary>
/// Keeps only recommendations the platform could ever run: catalog ids, the action's own parameter names, values that
/// are plain identifiers given by the incident's labels (or a bounded number, or a note's text). Anything else — an
/// unknown id, a shell command, a resource no label names — is dropped and noted, never passed on.
/// </summary>
internal static partial class ActionValidator
{
    public const int MaxActions = 5;
    private const int MaxValueLength = 256;
    private const int MaxNoteLength = 1000;

    public static IReadOnlyList<RecommendedAction> Read(JsonElement root, IncidentContext context, List<string> notes)
    {
        if (!root.TryGetProperty("recommendedActions", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<RecommendedAction>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            index++;
            var id = ReplyParser.String(item, "actionId")?.Trim();
            if (id is null || !ActionCatalog.ById.TryGetValue(id, out var entry))
            {
                notes.Add($"Action {index} dropped: \"{Printable(id)}\" is not in the remediation catalog.");
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var problem = ReadParameters(item, entry, context, parameters);
            if (problem is not null)
            {
                notes.Add($"Action {index} ({id}) dropped: {problem}");
                continue;
            }

            var action = new RecommendedAction
            {
                ActionId = id!,
                Parameters = parameters,
                Rationale = ReplyParser.String(item, "rationale") is { } r ? ReplyParser.Bounded(r.Trim(), ReplyParser.MaxSummaryLength) : null,
            };
            if (result.Any(a => a.ActionId == action.ActionId && a.Parameters.Count == parameters.Count && !a.Parameters.Except(parameters).Any()))
            {
                continue;
            }

            if (result.Count == MaxActions)
            {
                notes.Add($"Action {index} ({id}) dropped: at most {MaxActions} actions.");
                continue;
            }

            result.Add(action);
        }

        return result;
    }

    /// <summary>Fills <paramref name="parameters"/>; returns why the action must be dropped, or null.</summary>
    private static string? ReadParameters(JsonElement item, CatalogAction entry, IncidentContext context, Dictionary<string, string> parameters)
    {
        if (!item.TryGetProperty("parameters", out var values) || values.ValueKind is JsonValueKind.Null)
        {
            return null;
        }

        if (values.ValueKind != JsonValueKind.Object)
        {
            return "\"parameters\" is not an object of names and values.";
        }

        foreach (var property in values.EnumerateObject())
        {
            var spec = entry.Parameters.FirstOrDefault(p => p.Name == property.Name);
            if (spec is null)
            {
                return $"parameter \"{Printable(property.Name)}\" is not one of the action's ({string.Join(", ", entry.Parameters.Select(p => p.Name))}).";
            }

            if (!MayFill(spec))
            {
                return $"parameter \"{spec.Name}\" ({spec.Type}) is the policy's to set, not the analysis's.";
            }

            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!.Trim(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.Array => string.Join(",", property.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                _ => null,
            };
            var problem = value is null ? "is not a string" : Check(spec, value, context);
            if (problem is not null)
            {
                return $"parameter \"{property.Name}\" {problem}.";
            }

            parameters[property.Name] = value!;
        }

        return null;
    }

    /// <summary>
    /// The analysis fills names, numbers and notes; JSON documents and URLs (a runbook's parameters, a webhook's address)
    /// are what a policy writes, never what text from an alert could steer.
    /// </summary>
    public static bool MayFill(CatalogParameter parameter) =>
        parameter.Type is CatalogParameterType.Identifier or CatalogParameterType.List or CatalogParameterType.Integer or CatalogParameterType.Text;

    private static string? Check(CatalogParameter spec, string value, IncidentContext context)
    {
        if (spec.Type == CatalogParameterType.Text)
        {
            return value.Length is 0 or > MaxNoteLength || value.Any(char.IsControl) ? "is empty, too long or has control characters" : null;
        }

        if (spec.Type == CatalogParameterType.Integer)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10_000
                ? null
                : "is not a whole number from 0 to 10000";
        }

        if (value.Length is 0 or > MaxValueLength || !Identifier().IsMatch(value))
        {
            return "is not a plain identifier (letters, digits and . _ - : / @ , + = only)";
        }

        var missing = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(part => !Grounded(part, context));
        return missing is null ? null : $"names \"{missing}\", which no label of the incident gives";
    }

    /// <summary>
    /// A resource must be named by the incident's labels — the structured fields its sources set — not merely by free
    /// text: alert and log text is where an injected instruction would name its target.
    /// </summary>
    private static bool Grounded(string value, IncidentContext context) =>
        context.Labels.Values.Any(v => v.Equals(value, StringComparison.Ordinal) ||
                                      v.Split(',', StringSplitOptions.TrimEntries).Contains(value, StringComparer.Ordinal));

    private static string Printable(string? text) =>
        text is null ? "(none)" : ReplyParser.Bounded(new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]), 80);

    [GeneratedRegex(@"^[A-Za-z0-9._:/@,+=\-]+$")]
    private static partial Regex Identifier();
}
