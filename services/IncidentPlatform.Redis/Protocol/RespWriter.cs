using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IncidentPlatform.Redis;

/// <summary>Encodes commands as RESP arrays of bulk strings, straight into a buffer (no intermediate strings or arrays).</summary>
internal static class RespWriter
{
    private const int MaxNumberLength = 32; // "-1.7976931348623157E+308" and any long fit

    /// <summary>Writes <c>*N</c> then the command name and every argument of the three parts, in order.</summary>
    public static void WriteCommand(
        IBufferWriter<byte> writer,
        string command,
        ReadOnlySpan<RedisArgument> first,
        ReadOnlySpan<RedisArgument> second = default,
        ReadOnlySpan<RedisArgument> third = default)
    {
        WriteHeader(writer, (byte)'*', 1L + first.Length + second.Length + third.Length);
        WriteText(writer, command);
        WriteArguments(writer, first);
        WriteArguments(writer, second);
        WriteArguments(writer, third);
    }

    private static void WriteArguments(IBufferWriter<byte> writer, ReadOnlySpan<RedisArgument> arguments)
    {
        foreach (ref readonly var argument in arguments)
        {
            WriteArgument(writer, in argument);
        }
    }

    private static void WriteArgument(IBufferWriter<byte> writer, in RedisArgument argument)
    {
        switch (argument.ArgKind)
        {
            case RedisArgument.ArgumentKind.Text:
                WriteText(writer, argument.Text!);
                break;
            case RedisArgument.ArgumentKind.Bytes:
                WriteBulk(writer, argument.Bytes.Span);
                break;
            case RedisArgument.ArgumentKind.Integer:
            {
                Span<byte> digits = stackalloc byte[MaxNumberLength];
                Utf8Formatter.TryFormat(argument.Integer, digits, out var written);
                WriteBulk(writer, digits[..written]);
                break;
            }

            case RedisArgument.ArgumentKind.Number:
                WriteNumber(writer, argument.Number);
                break;
            default:
                throw new ArgumentException("A default(RedisArgument) cannot be sent; give a string, bytes or a number.");
        }
    }

    private static void WriteNumber(IBufferWriter<byte> writer, double value)
    {
        if (double.IsInfinity(value))
        {
            WriteBulk(writer, value > 0 ? "+inf"u8 : "-inf"u8);
            return;
        }

        Span<byte> digits = stackalloc byte[MaxNumberLength];
        value.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
        WriteBulk(writer, digits[..written]);
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteHeader(writer, (byte)'$', length);
        var span = writer.GetSpan(length + 2);
        var written = Encoding.UTF8.GetBytes(text, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        writer.Advance(written + 2);
    }

    private static void WriteBulk(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        WriteHeader(writer, (byte)'$', bytes.Length);
        var span = writer.GetSpan(bytes.Length + 2);
        bytes.CopyTo(span);
        span[bytes.Length] = (byte)'\r';
        span[bytes.Length + 1] = (byte)'\n';
        writer.Advance(bytes.Length + 2);
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte prefix, long count)
    {
        var span = writer.GetSpan(MaxNumberLength);
        span[0] = prefix;
        Utf8Formatter.TryFormat(count, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        writer.Advance(written + 3);
    }
}
