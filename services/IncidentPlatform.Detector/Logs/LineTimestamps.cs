namespace IncidentPlatform.Detector.Logs;

/// <summary>
/// Reads the timestamp a log line starts with, in the forms logging libraries write: ISO 8601
/// (<c>2026-11-21T08:00:00.123Z</c>, <c>…+01:00</c>) or <c>2026-11-21 08:00:00,123</c>, optionally in brackets. A time
/// without a zone is taken as UTC. Parsed by hand (no allocation) because it runs for every record.
/// </summary>
internal static class LineTimestamps
{
    public static bool TryParse(ReadOnlySpan<char> line, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (line.Length > 0 && line[0] == '[')
        {
            line = line[1..];
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
        if (pos < line.Length && line[pos] is '+' or '-' && line.Length >= pos + 5 && Digits(line, pos + 1, 2, out var oh))
        {
            var minutesAt = line[pos + 3] == ':' ? pos + 4 : pos + 3;
            if (Digits(line, minutesAt, 2, out var om) && oh <= 14 && om <= 59)
            {
                offset = new TimeSpan(oh, om, 0) * (line[pos] == '-' ? -1 : 1);
            }
        }

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
