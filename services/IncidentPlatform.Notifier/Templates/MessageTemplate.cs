using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Templating;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>
/// A channel's message template: literal text with <c>{{field}}</c> placeholders (<see cref="PlaceholderTemplate"/>),
/// fields from <see cref="TemplateFields"/>. Rendered as <see cref="RenderedText"/>, so the literal text is written in
/// the channel's format and every value is escaped for it; <c>\n</c> in the literal text is a line break.
/// </summary>
internal sealed class MessageTemplate
{
    private static readonly TemplateVocabulary Fields = new(TemplateFields.IsKnown, string.Join(", ", TemplateFields.Names));
    private readonly PlaceholderTemplate _template;

    private MessageTemplate(PlaceholderTemplate template) => _template = template;

    /// <summary>Parses <paramref name="source"/>; returns null with an error naming the problem when it is invalid.</summary>
    public static MessageTemplate? TryParse(string source, out string? error) =>
        PlaceholderTemplate.TryParse(source, Fields, out error) is { } template ? new MessageTemplate(template) : null;

    public RenderedText Render(NotificationEvent e)
    {
        var text = new RenderedText();
        foreach (var (part, isPath) in _template.Parts)
        {
            if (isPath)
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
}
