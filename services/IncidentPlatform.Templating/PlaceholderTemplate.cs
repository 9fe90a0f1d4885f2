namespace IncidentPlatform.Templating;

/// <summary>
/// Text with <c>{{path}}</c> placeholders and nothing else: no code, loops, filters or includes, so a template from
/// configuration or a policy can only place values, and every path is checked against its
/// <see cref="TemplateVocabulary"/> when it is parsed. Values are placed once and never read as templates. A sandboxed
/// Liquid engine (Fluid) restores here too; this stays in-house because both users need the parts themselves — the
/// notifier escapes values (never literal text) per channel format, and a remediation rule applies only when every
/// path has a value — and neither wants a language.
/// </summary>
public sealed class PlaceholderTemplate
{
    private const string Open = "{{";
    private const string Close = "}}";

    private PlaceholderTemplate(IReadOnlyList<TemplatePart> parts) => Parts = parts;

    /// <summary>The literal text and placeholders in order (no empty literal).</summary>
    public IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>Every path the template names, in order.</summary>
    public IEnumerable<string> Paths => Parts.Where(p => p.IsPath).Select(p => p.Text);

    /// <summary>True when the template names no path: it renders the same text every time.</summary>
    public bool IsStatic => Parts.All(p => !p.IsPath);

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PlaceholderTemplate Parse(string source, TemplateVocabulary vocabulary)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < source.Length)
        {
            var open = source.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(source[position..], false));
                break;
            }

            var close = source.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{Open}' at character {open + 1} is never closed with '{Close}'");
            }

            if (open > position)
            {
                parts.Add(new TemplatePart(source[position..open], false));
            }

            var path = source[(open + Open.Length)..close].Trim();
            if (!IsPathShaped(path) || !vocabulary.IsKnown(path))
            {
                throw new FormatException($"'{Open}{path}{Close}' names no known value (known: {vocabulary.Description})");
            }

            parts.Add(new TemplatePart(path, true));
            position = close + Close.Length;
        }

        return new PlaceholderTemplate(parts);
    }

    /// <summary>Parses <paramref name="source"/>; null with the reason in <paramref name="error"/> when it is invalid.</summary>
    public static PlaceholderTemplate? TryParse(string source, TemplateVocabulary vocabulary, out string? error)
    {
        try
        {
            error = null;
            return Parse(source, vocabulary);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>The text with each path replaced by its value (nothing for a null value).</summary>
    public string Render(Func<string, string?> value) =>
        string.Concat(Parts.Select(p => p.IsPath ? value(p.Text) : p.Text));

    // A path is one word: no white space or braces (a label name may hold dots, slashes and dashes).
    private static bool IsPathShaped(string path) =>
        path.Length > 0 && !path.Any(c => char.IsWhiteSpace(c) || c is '{' or '}');
}
