using System.Globalization;

namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>
/// A line read as words, the way a person reads a metric name or an alert: <c>FreeStorageSpace</c> is "free storage
/// space", <c>mem_used_percent</c> "mem used percent", <c>system.disk.in_use</c> "system disk in use". Numbers keep their
/// value and whether a '%' followed; comparison signs (<c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>) are words too; paths
/// (<c>/var/log</c>) are one word.
/// </summary>
internal sealed class Words
{
    private Words(IReadOnlyList<Word> items) => Items = items;

    public IReadOnlyList<Word> Items { get; }

    public int Count => Items.Count;

    public Word this[int index] => Items[index];

    public static Words Of(string text)
    {
        var words = new List<Word>();
        var i = 0;
        var percentNamed = false; // a counter named "% Free Space": its next number is a percentage

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '=' or ':' or '\'' or '"'))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '/' or '_' or '-' or '.'))
                {
                    end++;
                }

                words.Add(new Word(text[i..end].TrimEnd('.'), WordKind.Path, 0, false));
                i = end;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var before = words.Count;
                i = ReadRun(text, i, words);
                if (percentNamed && words.Count > before && words[before].Kind == WordKind.Number)
                {
                    words[before] = words[before] with { Percent = true };
                    percentNamed = false;
                }
            }
            else if (c is '>' or '<' or '≥' or '≤')
            {
                var sign = i + 1 < text.Length && text[i + 1] == '=' ? $"{c}=" : c.ToString();
                words.Add(new Word(sign, WordKind.Sign, 0, false));
                i += sign.Length;
            }
            else
            {
                percentNamed |= c == '%' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsLetter(text[i + 2]);
                i++;
            }
        }

        return new Words(words);
    }

    /// <summary>True when a word at <paramref name="index"/> (0-based) is <paramref name="text"/>.</summary>
    public bool Is(int index, string text) => index >= 0 && index < Items.Count && Items[index].Text == text;

    // Letters glued after a number that are its unit (5s, 512Mi, 41C, 5.8x); other letters make the run a name (5xx).
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "x", "s", "ms", "m", "h", "min", "mins", "sec", "secs", "k", "kb", "mb", "gb", "tb", "ki", "mi", "gi", "kib", "mib", "gib", "c", "b",
    };

    /// <summary>
    /// One run of letters and digits (with a number's '.' and thousands ','): a number (and its glued unit), a name
    /// ending in digits (<c>load1</c>, <c>p99</c>, <c>x509</c>) as one word, an id that mixes them (<c>0abc123def</c>) as one
    /// opaque word, or letters split at their case changes.
    /// </summary>
    private static int ReadRun(string text, int start, List<Word> words)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end])
                   || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]) && end > start && char.IsAsciiDigit(text[end - 1]))))
        {
            end++;
        }

        var run = text.AsSpan(start, end - start);
        var digits = 0;
        while (digits < run.Length && (char.IsAsciiDigit(run[digits]) || run[digits] is '.' or ','))
        {
            digits++;
        }

        if (digits > 0)
        {
            var unit = run[digits..];
            var literal = run[..digits].ToString().Replace(",", "", StringComparison.Ordinal);
            if ((unit.IsEmpty || (!unit.ContainsAnyInRange('0', '9') && Units.Contains(unit.ToString())))
                && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var percent = end < text.Length && text[end] == '%' || (end + 1 < text.Length && text[end] == ' ' && text[end + 1] == '%');
                words.Add(new Word(literal, WordKind.Number, value, percent));
                if (!unit.IsEmpty)
                {
                    words.Add(new Word(unit.ToString().ToLowerInvariant(), WordKind.Letters, 0, false));
                }

                return end;
            }

            words.Add(new Word(run.ToString().ToLowerInvariant(), WordKind.Letters, 0, false));
            return end;
        }

        var letters = 0;
        while (letters < run.Length && char.IsLetter(run[letters]))
        {
            letters++;
        }

        if (letters == run.Length)
        {
            SplitCamel(run, words);
        }
        else
        {
            // load1, p99, x509 (letters then digits) and ids that mix them: one word.
            words.Add(new Word(run.ToString().ToLowerInvariant(), WordKind.Letters, 0, false));
        }

        return end;
    }

    /// <summary>CPUUtilization → cpu utilization; FreeStorageSpace → free storage space; IOException → io exception.</summary>
    private static void SplitCamel(ReadOnlySpan<char> token, List<Word> words)
    {
        var start = 0;
        for (var i = 1; i <= token.Length; i++)
        {
            var boundary = i == token.Length
                || (char.IsLower(token[i - 1]) && char.IsUpper(token[i]))
                || (char.IsUpper(token[i - 1]) && char.IsUpper(token[i]) && i + 1 < token.Length && char.IsLower(token[i + 1]));
            if (boundary)
            {
                words.Add(new Word(token[start..i].ToString().ToLowerInvariant(), WordKind.Letters, 0, false));
                start = i;
            }
        }
    }
}
