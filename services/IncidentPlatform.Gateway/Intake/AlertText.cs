
namespace IncidentPlatform.Gateway.Intake;

/// <summary>Keeps vendor text within the limits of an alert (titles, messages, labels), cutting rather than refusing.</summary>
internal static class AlertText
{
    public static string Title(string? text, string fallback)
    {
        var line = (text ?? "").Trim().Split('\n', 2)[0].Trim();
        return Cut(line.Length == 0 ? fallback : line, AlertValidator.MaxTitle);
    }

    public static string Message(string? text) => Cut(text ?? "", AlertValidator.MaxMessage);

    /// <summary>At most <see cref="AlertValidator.MaxLabels"/> labels, names and values cut to the alert limits.</summary>
    public static Dictionary<string, string> Labels(IEnumerable<KeyValuePair<string, string>> labels) =>
        labels.Where(l => !string.IsNullOrEmpty(l.Key))
            .Take(AlertValidator.MaxLabels)
            .GroupBy(l => Cut(l.Key, 100), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Cut(g.First().Value ?? "", 1000), StringComparer.Ordinal);

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
