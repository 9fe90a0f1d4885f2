using System.Buffers;

namespace IncidentPlatform.Redis;

/// <summary>Lines and numbers: the CRLF-terminated parts of RESP.</summary>
internal static partial class RespParser
{
    private const int MaxIntegerLength = 20; // "-9223372036854775808"

    /// <summary>
    /// Reads up to CRLF into <paramref name="line"/> (a span into the input when it lies in one segment, else a copy).
    /// Returns false when the CRLF has not arrived yet; a lone CR or LF, or an overlong line, is malformed.
    /// </summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySpan<byte> line)
    {
        line = default;
        var start = reader;
        if (!reader.TryReadToAny(out ReadOnlySequence<byte> content, "\r\n"u8, advancePastDelimiter: false))
        {
            if (start.Remaining > MaxLineLength)
            {
                throw new RedisProtocolException($"A line longer than {MaxLineLength} bytes without CRLF.");
            }

            reader = start;
            return false;
        }

        if (content.Length > MaxLineLength)
        {
            throw new RedisProtocolException($"A line of {content.Length} bytes is longer than the {MaxLineLength} accepted.");
        }

        reader.TryPeek(out var delimiter);
        if (delimiter == '\n')
        {
            throw new RedisProtocolException("A line ends in LF without CR before it.");
        }

        if (!reader.TryPeek(1, out var next))
        {
            reader = start;
            return false;
        }

        if (next != '\n')
        {
            throw new RedisProtocolException($"A CR is followed by 0x{next:X2} instead of LF.");
        }

        reader.Advance(2);
        line = content.IsSingleSegment ? content.FirstSpan : content.ToArray();
        return true;
    }

    /// <summary>A length header: a non-negative count, or -1 for null (returned as -1). <paramref name="what"/> is a literal.</summary>
    private static int ParseLength(ReadOnlySpan<byte> line, string what, int max)
    {
        var value = ParseInteger(line, what);
        if (value == -1)
        {
            return -1;
        }

        if (value < 0)
        {
            throw new RedisProtocolException($"Negative {what} {value} (only -1, null, is allowed).");
        }

        if (value > max)
        {
            throw new RedisProtocolException($"The {what} {value} exceeds the {max} accepted.");
        }

        return (int)value;
    }

    /// <summary>A signed decimal 64-bit integer, digits only after an optional sign.</summary>
    private static long ParseInteger(ReadOnlySpan<byte> line, string what)
    {
        if (line.Length is 0 or > MaxIntegerLength)
        {
            throw new RedisProtocolException($"Invalid {what}: '{Describe(line)}'.");
        }

        var negative = line[0] == '-';
        var digits = line[0] is (byte)'-' or (byte)'+' ? line[1..] : line;
        if (digits.IsEmpty)
        {
            throw new RedisProtocolException($"Invalid {what}: '{Describe(line)}'.");
        }

        ulong magnitude = 0;
        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                throw new RedisProtocolException($"Invalid {what}: '{Describe(line)}'.");
            }

            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                throw new RedisProtocolException($"The {what} '{Describe(line)}' does not fit in 64 bits.");
            }

            magnitude = (magnitude * 10) + digit;
        }

        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
        {
            throw new RedisProtocolException($"The {what} '{Describe(line)}' does not fit in 64 bits.");
        }

        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    private static string Describe(ReadOnlySpan<byte> line)
    {
        var shown = line.Length > 40 ? line[..40] : line;
        var chars = new char[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            chars[i] = shown[i] is >= 0x20 and < 0x7F ? (char)shown[i] : '?';
        }

        return new string(chars) + (line.Length > 40 ? "…" : "");
    }
}
