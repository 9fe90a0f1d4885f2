using System.Text.Json;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Replies;

/// <summary>
/// Turns a model's reply into an <see cref="IncidentAnalysis"/>, trusting nothing: the JSON object is found and
/// parsed, the category must be in the taxonomy and the severity a known one, confidences are clamped to [0, 1],
/// citations must name lines of the data, actions outside the catalog or with unsafe or ungrounded parameters are
/// dropped, and every text is bounded. Errors make the reply unusable (the model is asked to repair it); notes record
/// what was dropped or changed in a usable one.
/// </summary>
internal static class ReplyParser
{
    public const int MaxHypotheses = 3;
    public const int MaxSteps = 10;
    public const int MaxSummaryLength = 500;
    public const int MaxTextLength = 1000;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>The checked analysis (with an empty provider and time, filled in by the caller), or the errors.</summary>
    public static ReplyCheck Parse(string? reply, IncidentContext context)
    {
        var errors = new List<string>();
        var notes = new List<string>();
        var json = JsonObjectText.Find(reply);
        if (json is null)
        {
            return ReplyCheck.Failed("The reply holds no JSON object.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return ReplyCheck.Failed($"The reply is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var category = ReadCategory(root, errors);
            var hypotheses = ReadHypotheses(root, context, errors, notes);
            var severity = ReadSeverity(root, errors);
            var actions = ActionValidator.Read(root, context, notes);
            var steps = ReadStrings(root, "steps", MaxSteps, MaxSummaryLength, notes);
            if (errors.Count > 0)
            {
                return new ReplyCheck(null, errors);
            }

            return new ReplyCheck(new IncidentAnalysis
            {
                Category = category!,
                Hypotheses = hypotheses,
                Severity = severity!.Value,
                SeverityJustification = Text(root, "severityJustification"),
                Impact = Text(root, "impact"),
                RecommendedActions = actions,
                Steps = steps,
                Notes = notes,
                Provider = "",
                AnalyzedAt = default,
            }, []);
        }
    }

    private static string? ReadCategory(JsonElement root, List<string> errors)
    {
        var value = String(root, "category")?.Trim().ToLowerInvariant();
        if (value is not null && AnalysisCategories.All.Contains(value))
        {
            return value;
        }

        errors.Add(value is null
            ? "\"category\" is missing or not a string."
            : $"\"category\" is \"{Bounded(value, 60)}\", which is not in the taxonomy; use one of: {string.Join(", ", AnalysisCategories.All)}.");
        return null;
    }

    private static Severity? ReadSeverity(JsonElement root, List<string> errors)
    {
        var value = String(root, "severity")?.Trim();
        if (value is not null && !int.TryParse(value, out _) && Enum.TryParse<Severity>(value, ignoreCase: true, out var severity))
        {
            return severity;
        }

        errors.Add($"\"severity\" must be one of {string.Join(", ", Enum.GetNames<Severity>().Select(s => s.ToLowerInvariant()))}.");
        return null;
    }

    private static List<Hypothesis> ReadHypotheses(JsonElement root, IncidentContext context, List<string> errors, List<string> notes)
    {
        var result = new List<Hypothesis>();
        if (!root.TryGetProperty("hypotheses", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            errors.Add("\"hypotheses\" must be a non-empty array.");
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            index++;
            var summary = item.ValueKind == JsonValueKind.Object ? String(item, "summary")?.Trim() : null;
            if (string.IsNullOrEmpty(summary))
            {
                errors.Add($"Hypothesis {index} has no \"summary\" string.");
                continue;
            }

            if (!TryNumber(item, "confidence", out var confidence))
            {
                errors.Add($"Hypothesis {index} has no numeric \"confidence\" between 0 and 1.");
                continue;
            }

            if (confidence is < 0 or > 1)
            {
                notes.Add($"Hypothesis {index}: confidence {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)} clamped to [0, 1].");
                confidence = Math.Clamp(confidence, 0, 1);
            }

            var evidence = EvidenceResolver.Resolve(ReadRawStrings(item, "evidence"), context, index, notes);
            result.Add(new Hypothesis { Summary = Bounded(summary, MaxSummaryLength), Confidence = Math.Round(confidence, 3), Evidence = evidence });
        }

        if (result.Count > MaxHypotheses)
        {
            notes.Add($"{result.Count - MaxHypotheses} hypotheses beyond the first {MaxHypotheses} dropped.");
        }

        return [.. result.OrderByDescending(h => h.Confidence).Take(MaxHypotheses)];
    }

    private static List<string> ReadStrings(JsonElement root, string name, int max, int maxLength, List<string> notes)
    {
        var values = ReadRawStrings(root, name).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (values.Count > max)
        {
            notes.Add($"{values.Count - max} {name} beyond the first {max} dropped.");
        }

        return [.. values.Take(max).Select(s => Bounded(s, maxLength))];
    }

    internal static IEnumerable<string> ReadRawStrings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Text(JsonElement root, string name) => Bounded(String(root, name)?.Trim() ?? "", MaxTextLength);

    private static bool TryNumber(JsonElement element, string name, out double value)
    {
        value = 0;
        if (!element.TryGetProperty(name, out var property))
        {
            return false;
        }

        return property.ValueKind switch
        {
            JsonValueKind.Number => property.TryGetDouble(out value) && double.IsFinite(value),
            JsonValueKind.String => double.TryParse(property.GetString(), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value),
            _ => false,
        };
    }

    internal static string Bounded(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
