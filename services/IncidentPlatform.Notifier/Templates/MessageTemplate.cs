using System.Text.RegularExpressions;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>
/// A parsed template: literal text with <c>{{field}}</c> placeholders and nothing else (no code, no loops), so a
/// template from configuration can only place values. Unknown fields are refused when the template is parsed.
/// </summary>
internal sealed partial class MessageTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsField)> _parts;

    private MessageTemplate(IReadOnlyList<(string Text, bool IsField)> parts) => _parts = parts;

    /// <summary>Parses <paramref name="source"/>; returns null with an error naming the problem when it is invalid.</summary>
    public static MessageTemplate? TryParse(string source, out string? error)
    {
        var parts = new List<(string, bool)>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(source))
        {
            parts.Add((source[position..match.Index], false));
            var name = match.Groups[1].Value;
            if (!TemplateFields.IsKnown(name))
            {
                error = $"unknown field '{{{{{name}}}}}'; known fields: {string.Join(", ", TemplateFields.Names)}";
                return null;
            }

            parts.Add((name, true));
            position = match.Index + match.Length;
        }

        parts.Add((source[position..], false));
        if (parts.Any(p => !p.Item2 && p.Item1.Contains("{{", StringComparison.Ordinal)))
        {
            error = "a '{{' without a matching '}}' or with a malformed field name";
            return null;
        }

        error = null;
        return new MessageTemplate(parts);
    }

    public RenderedText Render(NotificationEvent e)
    {
        var text = new RenderedText();
        foreach (var (part, isField) in _parts)
        {
            if (isField)
            {
                text.Value(TemplateFields.Resolve(e, part));
            }
            else
            {
                text.Literal(part.Replace("\\n", "\n", StringComparison.Ordinal));
            }
        }

        return text;
    }

    [GeneratedRegex(@"\{\{\s*([a-z]+(?:\.[A-Za-z0-9_\-]+)+)\s*\}\}")]
    private static partial Regex Placeholder();
}
