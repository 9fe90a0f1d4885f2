namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// Recognises a variable value that starts at a given position of a line, by hand rather than with regular expressions
/// (this runs for every word of every line). Each recogniser returns the value's length, 0 when none starts there, and
/// only accepts a value that ends at a boundary (the next character is not a letter or digit), so <c>utf8</c>,
/// <c>ipv6</c>, <c>sha256</c> or <c>x86</c> stay words while <c>12ms</c>, <c>0x1f</c> and <c>10.0.0.1:80</c> become
/// placeholders. The order matters: the most specific shapes are tried first (a UUID before a hex string, an IPv4
/// address before a decimal number, a time before a number).
/// </summary>
internal static partial class ValueScanner
{
    /// <summary>The placeholder of the value starting at <paramref name="start"/>, or null.</summary>
    /// <param name="line">The whole line (quoted values may span spaces).</param>
    /// <param name="start">A position at a boundary: the line's start or after a character that is not a letter or digit.</param>
    /// <param name="hints">What the line contains (<see cref="HintsFor"/>), which spares it the shapes it cannot hold.</param>
    /// <param name="length">The value's length.</param>
    public static string? Match(ReadOnlySpan<char> line, int start, LineHints hints, out int length)
    {
        var c = line[start];
        if ((hints & LineHints.At) != 0 && char.IsAsciiLetterOrDigit(c) && (length = Email(line, start)) > 0)
        {
            return Placeholders.Email;
        }

        if (char.IsAsciiDigit(c))
        {
            return MatchStartingWithDigit(line, start, out length);
        }

        if (char.IsAsciiLetter(c))
        {
            return MatchStartingWithLetter(line, start, hints, out length);
        }

        length = c switch
        {
            '-' or '+' => Number(line, start),
            '/' or '.' or '~' => Path(line, start),
            '"' or '\'' => Quoted(line, start),
            ':' => Ipv6(line, start),
            _ => 0,
        };
        return length == 0 ? null : c switch
        {
            '-' or '+' => Placeholders.Number,
            '/' or '.' or '~' => Placeholders.Path,
            '"' or '\'' => Placeholders.Quoted,
            _ => Placeholders.Ip,
        };
    }

    private static string? MatchStartingWithDigit(ReadOnlySpan<char> line, int start, out int length)
    {
        if ((length = Uuid(line, start)) > 0)
        {
            return Placeholders.Uuid;
        }

        if ((length = Ipv4(line, start)) > 0 || (length = Mac(line, start)) > 0 || (length = Ipv6(line, start)) > 0)
        {
            return Placeholders.Ip;
        }

        if ((length = Timestamp(line, start)) > 0)
        {
            return Placeholders.Timestamp;
        }

        if ((length = PrefixedHex(line, start)) > 0 || (length = BareHex(line, start)) > 0)
        {
            return Placeholders.Hex;
        }

        length = Number(line, start);
        return length > 0 ? Placeholders.Number : null;
    }

    private static string? MatchStartingWithLetter(ReadOnlySpan<char> line, int start, LineHints hints, out int length)
    {
        length = 0;
        if ((hints & LineHints.Scheme) != 0 && (length = Url(line, start)) > 0)
        {
            return Placeholders.Url;
        }

        if ((length = WindowsPath(line, start)) > 0)
        {
            return Placeholders.Path;
        }

        if ((hints & LineHints.Colon) != 0 && (length = NamedDate(line, start)) > 0)
        {
            return Placeholders.Timestamp;
        }

        if ((hints & LineHints.Dot) != 0 && (length = DottedName(line, start)) > 0)
        {
            return Placeholders.Name;
        }

        if (!char.IsAsciiHexDigit(line[start]))
        {
            return null;
        }

        if ((length = Uuid(line, start)) > 0)
        {
            return Placeholders.Uuid;
        }

        if ((length = Mac(line, start)) > 0 || (length = Ipv6(line, start)) > 0)
        {
            return Placeholders.Ip;
        }

        length = BareHex(line, start);
        return length > 0 ? Placeholders.Hex : null;
    }

    /// <summary>Four vectorised scans of the line that spare every word of most lines the e-mail, URL, date and name tests.</summary>
    public static LineHints HintsFor(ReadOnlySpan<char> line) =>
        (line.Contains('@') ? LineHints.At : 0)
        | (line.Contains('.') ? LineHints.Dot : 0)
        | (line.Contains("://", StringComparison.Ordinal) ? LineHints.Scheme : 0)
        | (line.Contains(':') ? LineHints.Colon : 0);

    /// <summary>True when position <paramref name="end"/> is past the line or not a letter or digit.</summary>
    private static bool EndsAt(ReadOnlySpan<char> line, int end) => end >= line.Length || !char.IsLetterOrDigit(line[end]);

    private static int CountDigits(ReadOnlySpan<char> line, int start)
    {
        var end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int CountHexDigits(ReadOnlySpan<char> line, int start)
    {
        var end = start;
        while (end < line.Length && char.IsAsciiHexDigit(line[end]))
        {
            end++;
        }

        return end - start;
    }
}
