using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace IncidentPlatform.Redis;

/// <summary>
/// Parses RESP2 replies from a <see cref="ReadOnlySequence{T}"/> of any fragmentation. A reply is first walked
/// without allocating to check it is complete and well-formed, then materialized; so an incomplete reply costs no
/// allocation and is reported as "need more data", and malformed input raises <see cref="RedisProtocolException"/>.
/// </summary>
internal static partial class RespParser
{
    /// <summary>The longest simple string, error or header line accepted (Redis's own lines are far shorter).</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>The largest bulk string accepted: Redis's own <c>proto-max-bulk-len</c> default.</summary>
    public const int MaxBulkLength = 512 * 1024 * 1024;

    /// <summary>The most elements of one array accepted.</summary>
    public const int MaxArrayLength = 1 << 28;

    /// <summary>How deeply arrays may nest before the input is taken as hostile (the stack is finite).</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] Ok = "OK"u8.ToArray();
    private static readonly byte[] Pong = "PONG"u8.ToArray();
    private static readonly byte[] Empty = [];

    /// <summary>
    /// Reads one complete reply. Returns false, leaving <paramref name="reader"/> where it was, when the input ends
    /// before the reply does.
    /// </summary>
    /// <exception cref="RedisProtocolException">The input is not valid RESP2.</exception>
    public static bool TryRead(ref SequenceReader<byte> reader, out RedisValue value)
    {
        var probe = reader;
        if (!TryParse(ref probe, materialize: false, depth: 0, out _))
        {
            value = default;
            return false;
        }

        var complete = TryParse(ref reader, materialize: true, depth: 0, out value);
        Debug.Assert(complete && reader.Consumed == probe.Consumed, "the second pass reads what the first one checked");
        return true;
    }

    private static bool TryParse(ref SequenceReader<byte> reader, bool materialize, int depth, out RedisValue value)
    {
        value = default;
        if (!reader.TryRead(out var type))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
            case (byte)'-':
            {
                if (!TryReadLine(ref reader, out var line))
                {
                    return false;
                }

                if (materialize)
                {
                    value = type == '+'
                        ? RedisValue.FromString(RedisValueKind.SimpleString, SimpleStringBytes(line))
                        : RedisValue.FromError(Encoding.UTF8.GetString(line));
                }

                return true;
            }

            case (byte)':':
            {
                if (!TryReadLine(ref reader, out var line))
                {
                    return false;
                }

                value = RedisValue.FromInteger(ParseInteger(line, "integer"));
                return true;
            }

            case (byte)'$':
                return TryParseBulk(ref reader, materialize, out value);
            case (byte)'*':
                return TryParseArray(ref reader, materialize, depth, out value);
            default:
                throw new RedisProtocolException(
                    $"Unexpected RESP type byte 0x{type:X2} ('{(type is >= 0x20 and < 0x7F ? (char)type : '?')}') at the start of a reply.");
        }
    }

    private static bool TryParseBulk(ref SequenceReader<byte> reader, bool materialize, out RedisValue value)
    {
        value = default;
        if (!TryReadLine(ref reader, out var header))
        {
            return false;
        }

        var length = ParseLength(header, "bulk string length", MaxBulkLength);
        if (length < 0)
        {
            return true; // $-1: null
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        if (materialize)
        {
            var bytes = length == 0 ? Empty : new byte[length];
            reader.TryCopyTo(bytes);
            value = RedisValue.FromString(RedisValueKind.BulkString, bytes);
        }

        reader.Advance(length);
        reader.TryRead(out var cr);
        reader.TryRead(out var lf);
        if (cr != '\r' || lf != '\n')
        {
            throw new RedisProtocolException($"A bulk string of {length} bytes is not followed by CRLF.");
        }

        return true;
    }

    private static bool TryParseArray(ref SequenceReader<byte> reader, bool materialize, int depth, out RedisValue value)
    {
        value = default;
        if (!TryReadLine(ref reader, out var header))
        {
            return false;
        }

        var count = ParseLength(header, "array length", MaxArrayLength);
        if (count < 0)
        {
            return true; // *-1: null
        }

        if (depth >= MaxDepth)
        {
            throw new RedisProtocolException($"Arrays nested more than {MaxDepth} deep.");
        }

        var items = materialize ? (count == 0 ? [] : new RedisValue[count]) : null;
        for (var i = 0; i < count; i++)
        {
            if (!TryParse(ref reader, materialize, depth + 1, out var item))
            {
                return false;
            }

            if (items is not null)
            {
                items[i] = item;
            }
        }

        if (items is not null)
        {
            value = RedisValue.FromArray(items);
        }

        return true;
    }

    private static byte[] SimpleStringBytes(ReadOnlySpan<byte> line)
    {
        if (line.SequenceEqual(Ok))
        {
            return Ok;
        }

        return line.SequenceEqual(Pong) ? Pong : line.ToArray();
    }
}
