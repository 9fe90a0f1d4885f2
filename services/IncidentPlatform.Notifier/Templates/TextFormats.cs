using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentPlatform.Notifier.Templates;

/// <summary>Writes <see cref="RenderedText"/> in each channel's format, escaping every untrusted value.</summary>
internal static class TextFormats
{
    /// <summary>Slack mrkdwn: values have <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped as Slack documents, so no
    /// mention, link or command can be smuggled in; labels are bold.</summary>
    public static string ToSlackMrkdwn(RenderedText text, int max = 3000) =>
        RenderedText.Truncate(Write(text, EscapeSlack, "*", "*"), max);

    public static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>HTML for e-mail: values encoded, labels in <c>&lt;strong&gt;</c>, line breaks as <c>&lt;br&gt;</c>.</summary>
    public static string ToHtml(RenderedText text) =>
        Write(text, WebUtility.HtmlEncode, "<strong>", "</strong>").Replace("\n", "<br>\n", StringComparison.Ordinal);

    /// <summary>Markdown as Adaptive Card text blocks render it: values have markdown characters escaped.</summary>
    public static string ToCardMarkdown(RenderedText text, int max = 4000) =>
        // Adaptive Card markdown needs a blank line for a line break.
        RenderedText.Truncate(Write(text, EscapeMarkdown, "**", "**").Replace("\n", "\n\n", StringComparison.Ordinal), max);

    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '#' or '<' or '>' or '~' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Literal template text is written as it is; values and labels are escaped; labels are wrapped in the format's emphasis.
    private static string Write(RenderedText text, Func<string, string> escape, string strongOpen, string strongClose)
    {
        var builder = new StringBuilder();
        foreach (var (segment, kind) in text.Segments)
        {
            _ = kind switch
            {
                SegmentKind.Literal => builder.Append(segment),
                SegmentKind.Strong => builder.Append(strongOpen).Append(escape(segment)).Append(strongClose),
                _ => builder.Append(escape(segment)),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// Atlassian Document Format: one paragraph per line, values as plain text nodes (ADF has no markup to inject),
    /// labels with the <c>strong</c> mark.
    /// </summary>
    public static JsonObject ToAdf(RenderedText text)
    {
        var paragraphs = new JsonArray();
        var current = new JsonArray();
        foreach (var (segment, kind) in text.Segments)
        {
            var lines = segment.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add(Paragraph(current));
                    current = [];
                }

                if (lines[i].Length == 0)
                {
                    continue;
                }

                var node = new JsonObject { ["type"] = "text", ["text"] = lines[i] };
                if (kind == SegmentKind.Strong)
                {
                    node["marks"] = new JsonArray(new JsonObject { ["type"] = "strong" });
                }

                current.Add(node);
            }
        }

        paragraphs.Add(Paragraph(current));
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = paragraphs };
    }

    private static JsonObject Paragraph(JsonArray content) =>
        content.Count == 0
            ? new JsonObject { ["type"] = "paragraph" }
            : new JsonObject { ["type"] = "paragraph", ["content"] = content };
}
