namespace IncidentPlatform.Detector.LogTemplates;

internal static partial class ValueScanner
{
    /// <summary>A dotted IPv4 address with an optional :port.</summary>
    private static int Ipv4(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (pos >= line.Length || line[pos] != '.')
                {
                    return 0;
                }

                pos++;
            }

            var digits = pos < line.Length ? CountDigits(line, pos) : 0;
            if (digits is < 1 or > 3)
            {
                return 0;
            }

            pos += digits;
        }

        if (pos + 1 < line.Length && line[pos] == '.' && char.IsAsciiDigit(line[pos + 1]))
        {
            return 0; // five dotted groups: a version or an OID, not an address
        }

        if (pos + 1 < line.Length && line[pos] == ':')
        {
            var port = CountDigits(line, pos + 1);
            if (port is > 0 and <= 5 && EndsAt(line, pos + 1 + port))
            {
                return pos + 1 + port - start;
            }
        }

        return EndsAt(line, pos) ? pos - start : 0;
    }

    /// <summary>
    /// An IPv6 address: groups of 1-4 hex digits separated by ':', either 8 groups or fewer with one '::'. Times
    /// (<c>18:01:47</c>) have neither, and words such as <c>std::vector</c> have groups that are not hex; a digit is required so
    /// that <c>Bad::</c> stays a word.
    /// </summary>
    private static int Ipv6(ReadOnlySpan<char> line, int start)
    {
        var pos = start;
        var groups = 0;
        var compressed = false;
        var lastGood = 0;
        while (pos < line.Length)
        {
            if (line[pos] == ':')
            {
                if (pos + 1 < line.Length && line[pos + 1] == ':' && !compressed)
                {
                    compressed = true;
                    pos += 2;
                    lastGood = pos;
                    continue;
                }

                if (pos == start)
                {
                    return 0;
                }

                pos++;
            }

            var hex = CountHexDigits(line, pos);
            if (hex is 0 or > 4 || (pos + hex < line.Length && char.IsLetterOrDigit(line[pos + hex])))
            {
                break;
            }

            pos += hex;
            groups++;
            lastGood = pos;
            if (groups == 8 || pos >= line.Length || line[pos] != ':')
            {
                break;
            }
        }

        var valid = compressed ? groups <= 7 && lastGood > start + 2 : groups == 8;
        return valid && EndsAt(line, lastGood) && line[start..lastGood].ContainsAnyInRange('0', '9') ? lastGood - start : 0;
    }

    /// <summary>A MAC address: six pairs of hex digits joined by ':' or '-' (<c>00:1a:2b:3c:4d:5e</c>).</summary>
    private static int Mac(ReadOnlySpan<char> line, int start)
    {
        const int Length = 17;
        if (start + Length > line.Length || line[start + 2] is not (':' or '-'))
        {
            return 0;
        }

        var separator = line[start + 2];
        for (var i = 0; i < Length; i++)
        {
            if (i % 3 == 2 ? line[start + i] != separator : !char.IsAsciiHexDigit(line[start + i]))
            {
                return 0;
            }
        }

        return EndsAt(line, start + Length) ? Length : 0;
    }

    /// <summary>8-4-4-4-12 hex digits.</summary>
    private static int Uuid(ReadOnlySpan<char> line, int start)
    {
        const int Length = 36;
        if (start + Length > line.Length || line[start + 8] != '-')
        {
            return 0;
        }

        var candidate = line.Slice(start, Length);
        for (var i = 0; i < Length; i++)
        {
            var isDash = i is 8 or 13 or 18 or 23;
            if (isDash ? candidate[i] != '-' : !char.IsAsciiHexDigit(candidate[i]))
            {
                return 0;
            }
        }

        return EndsAt(line, start + Length) ? Length : 0;
    }
}
