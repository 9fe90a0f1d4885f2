namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// Reads the timestamp a log line starts with, in the forms logging libraries write: ISO 8601
/// (<c>2026-11-21T08:00:00.123Z</c>, <c>…+01:00</c>) or <c>2026-11-21 08:00:00,123</c>, optionally in brackets. A time
/// without a zone is taken as UTC. Parsed by hand (no allocation) because it runs for every record.
/// </summary>
internal static class LineTimestamps
{
    public static bool TryParse(ReadOnlySpan<char> line, out DateTimeOffset timestamp) => TryParse(line, out timestamp, out _);

    /// <summary>
    /// The line without its leading timestamp (and the bracket and spaces around it), which is what gets mined: the
    /// timestamp tells templates nothing, and leaving it out lets the level and service route the line in the miner's
    /// tree (as the loghub evaluation's content-only lines do). The timestamp is returned when there was one.
    /// </summary>
    public static ReadOnlySpan<char> StripLeading(ReadOnlySpan<char> line, out DateTimeOffset? timestamp)
    {
        if (!TryParse(line, out var parsed, out var length))
        {
            timestamp = null;
            return line;
        }

        timestamp = parsed;
        var rest = line[length..];
        if (line[0] == '[' && rest.Length > 0 && rest[0] == ']')
        {
            rest = rest[1..];
        }

        return rest.TrimStart(' ');
    }

    private static bool TryParse(ReadOnlySpan<char> line, out DateTimeOffset timestamp, out int length)
    {
        timestamp = default;
        length = 0;
        var skipped = 0;
        if (line.Length > 0 && line[0] == '[')
        {
            line = line[1..];
            skipped = 1;
        }

        if (line.Length < 19 || line[4] != '-' || line[7] != '-' || line[10] is not ('T' or ' ') || line[13] != ':' ||
            line[16] != ':' ||
            !Digits(line, 0, 4, out var year) || !Digits(line, 5, 2, out var month) || !Digits(line, 8, 2, out var day) ||
            !Digits(line, 11, 2, out var hour) || !Digits(line, 14, 2, out var minute) || !Digits(line, 17, 2, out var second) ||
            month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 ||
            minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        var pos = 19;
        long ticks = 0;
        if (pos < line.Length && line[pos] is '.' or ',')
        {
            pos++;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (pos < line.Length && char.IsAsciiDigit(line[pos]))
            {
                ticks += (line[pos] - '0') * scale;
                scale /= 10;
                pos++;
            }
        }

        var offset = TimeSpan.Zero;
        if (pos < line.Length && line[pos] == 'Z')
        {
            pos++;
        }
        else if (pos < line.Length && line[pos] is '+' or '-' && line.Length >= pos + 5 && Digits(line, pos + 1, 2, out var oh))
        {
            var minutesAt = line[pos + 3] == ':' ? pos + 4 : pos + 3;
            if (Digits(line, minutesAt, 2, out var om) && oh <= 14 && om <= 59)
            {
                offset = new TimeSpan(oh, om, 0) * (line[pos] == '-' ? -1 : 1);
                pos = minutesAt + 2;
            }
        }

        length = skipped + pos;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        timestamp = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
