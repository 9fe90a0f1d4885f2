using System.Text;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>Text with <c>{{path}}</c> placeholders, substituted once (values are never re-read as templates).</summary>
internal sealed record TextTemplate : ParameterTemplate
{
    private readonly IReadOnlyList<(bool IsPath, string Text)> _parts;

    private TextTemplate(IReadOnlyList<(bool IsPath, string Text)> parts) => _parts = parts;

    /// <inheritdoc />
    public override IEnumerable<string> Paths => _parts.Where(p => p.IsPath).Select(p => p.Text);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TextTemplate Parse(string text)
    {
        var parts = new List<(bool, string)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((false, text[position..]));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{{{{' at character {open + 1} is never closed with '}}}}'");
            }

            if (open > position)
            {
                parts.Add((false, text[position..open]));
            }

            var path = text[(open + 2)..close].Trim();
            if (!TemplatePaths.IsKnown(path))
            {
                throw new FormatException($"'{{{{{path}}}}}' names no known value (known: {TemplatePaths.Known})");
            }

            parts.Add((true, path));
            position = close + 2;
        }

        return new TextTemplate(parts);
    }

    /// <summary>The text without placeholders, or null when it has some.</summary>
    public string? Literal => IsStatic ? string.Concat(_parts.Select(p => p.Text)) : null;

    /// <inheritdoc />
    protected override string RenderComplete(TemplateContext context)
    {
        var text = new StringBuilder();
        foreach (var (isPath, part) in _parts)
        {
            text.Append(isPath && context.TryGet(part, out var value) ? value : part);
        }

        return text.ToString();
    }
}
