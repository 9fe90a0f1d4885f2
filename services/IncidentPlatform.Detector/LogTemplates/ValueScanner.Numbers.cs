namespace IncidentPlatform.Detector.LogTemplates;

internal static partial class ValueScanner
{
    // Letters glued to a number of at most this many are its unit whatever they say ("12ms", "41C", "10KB", "2nd").
    private const int MaxUnknownUnitLength = 3;

    // Longer units glued to a number ("5mins", "100kbps"): the number and its unit are one value.
    private static readonly string[] AttachedUnits = ["secs", "mins", "hours", "days", "kbps", "mbps", "gbps", "bytes"];

    // Units that may follow after one space ("18.4 KB", "1 sec"): only symbols, never English words such as "bytes" or
    // "seconds", which are as often part of the message text ("0 bytes sent").
    private static readonly string[] SpacedUnits = ["b", "ns", "us", "µs", "ms", "sec", "secs", "kb", "kib", "mb", "mib", "gb", "gib", "tb", "tib"];

    /// <summary>[+-]digits(.digits)*, then an optional unit or '%'; "1.2.3" (a version) counts as one number.</summary>
    internal static int Number(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        if (line[pos] is '-' or '+')
        {
            pos++;
        }

        var digits = pos < line.Length ? CountDigits(line, pos) : 0;
        if (digits == 0)
        {
            return 0;
        }

        pos += digits;
        while (pos + 1 < line.Length && line[pos] == '.' && char.IsAsciiDigit(line[pos + 1]))
        {
            pos += 1 + CountDigits(line, pos + 1);
        }

        if (pos < line.Length && line[pos] == '%')
        {
            return EndsAt(line, pos + 1) ? pos + 1 - start : 0;
        }

        var unit = WordLength(line, pos);
        if (unit > 0)
        {
            // A short suffix is a unit or an ordinal too ("41C", "2nd", "802.11d"); a longer one only when it is a known unit.
            var known = unit <= MaxUnknownUnitLength || IsUnit(line.Slice(pos, unit), AttachedUnits);
            return known && EndsAt(line, pos + unit) ? pos + unit - start : 0;
        }

        if (pos + 1 < line.Length && line[pos] == ' ')
        {
            var spaced = WordLength(line, pos + 1);
            if (spaced > 0 && IsUnit(line.Slice(pos + 1, spaced), SpacedUnits) && EndsAt(line, pos + 1 + spaced))
            {
                return pos + 1 + spaced - start;
            }
        }

        return pos - start;
    }

    /// <summary>0x followed by hex digits.</summary>
    private static int PrefixedHex(ReadOnlySpan<char> line, int start)
    {
        if (start + 2 >= line.Length || line[start] != '0' || line[start + 1] is not ('x' or 'X'))
        {
            return 0;
        }

        var hex = CountHexDigits(line, start + 2);
        return hex > 0 && EndsAt(line, start + 2 + hex) ? hex + 2 : 0;
    }

    /// <summary>
    /// A run of at least 4 hex digits with at least one digit and one letter a-f (ids, hashes, addresses); all-digit runs
    /// are numbers, and words such as "deadbeef" or "facade" are words.
    /// </summary>
    private static int BareHex(ReadOnlySpan<char> line, int start)
    {
        var hex = CountHexDigits(line, start);
        if (hex < 4 || !EndsAt(line, start + hex))
        {
            return 0;
        }

        var run = line.Slice(start, hex);
        return run.ContainsAnyInRange('0', '9') && run.ContainsAnyExceptInRange('0', '9') ? hex : 0;
    }

    /// <summary>
    /// Dates and times: a run of digits and the separators <c>-:./,T</c> that starts with a date
    /// (<c>2015-10-18</c>, <c>10/30/2015</c>, <c>20171223-22:…</c>) or holds a time (<c>18:01:47,978</c>, <c>00:01</c>),
    /// so a whole timestamp such as <c>2005-06-03-15.42.50.675872</c> becomes one value.
    /// </summary>
    private static int Timestamp(ReadOnlySpan<char> line, int start)
    {
        var end = start;
        var hasTime = false;
        while (end < line.Length && end - start < 40)
        {
            var c = line[end];
            if (char.IsAsciiDigit(c))
            {
                end++;
            }
            else if (c is '-' or ':' or '.' or '/' or ',' or 'T' && end + 1 < line.Length && char.IsAsciiDigit(line[end + 1]))
            {
                hasTime |= c == ':' && end + 2 < line.Length && char.IsAsciiDigit(line[end + 2]) && CountDigits(line, end + 1) == 2;
                end++;
            }
            else
            {
                break;
            }
        }

        if (end < line.Length && line[end] == 'Z')
        {
            end++;
        }

        return (hasTime || StartsWithDate(line[start..end])) && EndsAt(line, end) ? end - start : 0;
    }

    private static bool StartsWithDate(ReadOnlySpan<char> run)
    {
        var first = CountDigits(run, 0);
        if (first == 8 && run.Length > 9 && run[8] is '-' or 'T')
        {
            return true; // 20171223-22…: a compact date with more after it
        }

        if (first is not (4 or 1 or 2) || run.Length <= first || run[first] is not ('-' or '/' or '.'))
        {
            return false;
        }

        var separator = run[first];
        var second = CountDigits(run, first + 1);
        var next = first + 1 + second;
        if (second is < 1 or > 2 || next >= run.Length || run[next] != separator)
        {
            return false;
        }

        var third = CountDigits(run, next + 1);
        return first == 4 ? third is 1 or 2 : third is 2 or 4;
    }

    private static int WordLength(ReadOnlySpan<char> line, int start)
    {
        var end = start;
        while (end < line.Length && char.IsLetter(line[end]))
        {
            end++;
        }

        return end - start;
    }

    private static bool IsUnit(ReadOnlySpan<char> word, string[] units)
    {
        foreach (var unit in units)
        {
            if (word.Equals(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
