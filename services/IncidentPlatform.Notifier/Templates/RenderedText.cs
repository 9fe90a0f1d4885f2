using System.Text;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>
/// Text made of trusted template parts and untrusted values, kept apart until a channel writes it in its format, so
/// that alert text can never inject markup (a Slack <c>&lt;!channel&gt;</c>, an HTML tag).
/// </summary>
internal sealed class RenderedText
{
    private readonly List<(string Text, SegmentKind Kind)> _segments = [];

    /// <summary>The segments in order.</summary>
    public IReadOnlyList<(string Text, SegmentKind Kind)> Segments => _segments;

    public RenderedText Value(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _segments.Add((Clean(text), SegmentKind.Value));
        }

        return this;
    }

    public RenderedText Literal(string text)
    {
        if (text.Length > 0)
        {
            _segments.Add((text, SegmentKind.Literal));
        }

        return this;
    }

    public RenderedText Strong(string text) => Add(text, SegmentKind.Strong);

    public RenderedText Line() => Literal("\n");

    /// <summary>Appends a line <c>label: value</c>, skipping empty values.</summary>
    public RenderedText Field(string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        if (_segments.Count > 0)
        {
            Line();
        }

        return Strong(label + ":").Literal(" ").Value(value);
    }

    public RenderedText Append(RenderedText other)
    {
        _segments.AddRange(other._segments);
        return this;
    }

    /// <summary>The plain text: the fallback of every format.</summary>
    public string ToPlain(int max = int.MaxValue)
    {
        var builder = new StringBuilder();
        foreach (var (text, _) in _segments)
        {
            builder.Append(text);
        }

        return Truncate(builder.ToString(), max);
    }

    public override string ToString() => ToPlain();

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 1)), "…");

    private RenderedText Add(string text, SegmentKind kind)
    {
        if (text.Length > 0)
        {
            _segments.Add((Clean(text), kind));
        }

        return this;
    }

    // Control characters (other than line breaks and tabs) have no place in a message and can confuse terminals.
    private static string Clean(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return text;
        }

        return new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]);
    }
}
