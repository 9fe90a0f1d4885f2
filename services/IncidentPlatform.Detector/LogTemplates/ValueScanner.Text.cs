namespace IncidentPlatform.Detector.LogTemplates;

internal static partial class ValueScanner
{
    private const int MaxQuotedLength = 1024;

    /// <summary>
    /// An absolute path with at least two segments (<c>/var/log/x</c>; a single <c>/tmp</c> or the slash of
    /// <c>/10.0.0.1:80</c> is not one), or one starting with <c>./</c>, <c>../</c> or <c>~/</c>. Sentence punctuation
    /// at its end is left out.
    /// </summary>
    private static int Path(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        while (pos < line.Length && IsPathChar(line[pos]))
        {
            pos++;
        }

        var run = line[start..pos];
        var relative = run.StartsWith("./") || run.StartsWith("../") || run.StartsWith("~/");
        var absolute = run.Length > 2 && run[0] == '/' && run[1] != '/' && run[1..].Contains('/');
        if (!relative && !absolute)
        {
            return 0;
        }

        while (pos > start && line[pos - 1] is '.' or ',' or ':' or ';')
        {
            pos--;
        }

        return pos - start > 2 ? pos - start : 0;
    }

    /// <summary>C:\… up to the next space or quote.</summary>
    private static int WindowsPath(ReadOnlySpan<char> line, int start)
    {
        if (start + 2 >= line.Length || line[start + 1] != ':' || line[start + 2] != '\\' || !EndsAt(line, start + 1))
        {
            return 0;
        }

        var pos = start + 3;
        while (pos < line.Length && !char.IsWhiteSpace(line[pos]) && line[pos] is not ('"' or '\''))
        {
            pos++;
        }

        return pos - start;
    }

    /// <summary>scheme:// up to the next space, quote or bracket.</summary>
    private static int Url(ReadOnlySpan<char> line, int start)
    {
        var scheme = 0;
        while (start + scheme < line.Length && scheme <= 16 && (char.IsAsciiLetterOrDigit(line[start + scheme]) || line[start + scheme] is '+' or '-' or '.'))
        {
            scheme++;
        }

        var pos = start + scheme;
        if (scheme < 2 || !line[pos..].StartsWith("://"))
        {
            return 0;
        }

        pos += 3;
        while (pos < line.Length && !char.IsWhiteSpace(line[pos]) && line[pos] is not ('"' or '\'' or '<' or '>' or '[' or ']' or '(' or ')' or '{' or '}'))
        {
            pos++;
        }

        while (line[pos - 1] is '.' or ',' or ':' or ';')
        {
            pos--;
        }

        return pos - start;
    }

    /// <summary>
    /// A quoted phrase: '…' or "…" (backslash escapes the quote) that holds a space or nothing, at most 1 KiB, followed by
    /// a boundary. A phrase would otherwise change the line's token count with its words. A quoted single word stays
    /// (its values masked as anywhere else): it is as often a constant of the message (<c>state 'Active'</c>) as a value,
    /// and keeping it scored better on the loghub samples. The caller only tries this at a boundary, so the apostrophe
    /// of <c>don't</c> never opens a quote.
    /// </summary>
    private static int Quoted(ReadOnlySpan<char> line, int start)
    {
        var quote = line[start];
        var limit = Math.Min(line.Length, start + MaxQuotedLength);
        for (var pos = start + 1; pos < limit; pos++)
        {
            if (line[pos] == '\\')
            {
                pos++;
            }
            else if (line[pos] == quote)
            {
                var content = line[(start + 1)..pos];
                var phrase = content.IsEmpty || content.ContainsAny(' ', '\t');
                return phrase && EndsAt(line, pos + 1) ? pos + 1 - start : 0;
            }
        }

        return 0;
    }

    /// <summary>local@domain.tld: the local part of letters, digits and <c>._%+-</c>, a dotted domain.</summary>
    private static int Email(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        while (pos < line.Length && (char.IsAsciiLetterOrDigit(line[pos]) || line[pos] is '.' or '_' or '%' or '+' or '-'))
        {
            pos++;
        }

        if (pos == start || pos + 1 >= line.Length || line[pos] != '@')
        {
            return 0;
        }

        pos++;
        var dots = 0;
        var labelStart = pos;
        while (pos < line.Length && (char.IsAsciiLetterOrDigit(line[pos]) || line[pos] is '-' || (line[pos] == '.' && pos > labelStart && pos + 1 < line.Length && char.IsAsciiLetterOrDigit(line[pos + 1]))))
        {
            if (line[pos] == '.')
            {
                dots++;
                labelStart = pos + 1;
            }

            pos++;
        }

        return dots > 0 && char.IsAsciiLetter(line[pos - 1]) && EndsAt(line, pos) ? pos - start : 0;
    }

    /// <summary>
    /// A dotted name of at least three parts (<c>dn228.cluster.local</c>, <c>org.apache.hadoop.Job</c>,
    /// <c>com.apple.icloud.fmfd</c>): host, package and class names, which logs print as values. Two parts
    /// (<c>file.txt</c>, <c>Bar.java</c>) stay words, and so does an exception's class name
    /// (<c>java.io.IOException</c>), which names the event rather than a value in it. Parts are letters, digits, '_' and '-'.
    /// </summary>
    private static int DottedName(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        var parts = 0;
        var part = start;
        while (true)
        {
            part = pos;
            while (pos < line.Length && (char.IsAsciiLetterOrDigit(line[pos]) || line[pos] is '_' or '-'))
            {
                pos++;
            }

            if (pos == part || !char.IsAsciiLetterOrDigit(line[pos - 1]))
            {
                return 0;
            }

            parts++;
            if (pos + 1 >= line.Length || line[pos] != '.' || !char.IsAsciiLetterOrDigit(line[pos + 1]))
            {
                break;
            }

            pos++;
        }

        var last = line[part..pos];
        var exception = last.EndsWith("Exception", StringComparison.Ordinal) || last.EndsWith("Error", StringComparison.Ordinal);
        return parts >= 3 && !exception && EndsAt(line, pos) ? pos - start : 0;
    }

    private static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '~' or '+' or '@' or '%' or '$' or '*' or ':';
}
