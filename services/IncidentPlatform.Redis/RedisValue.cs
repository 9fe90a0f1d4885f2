using System.Globalization;
using System.Text;

namespace IncidentPlatform.Redis;

/// <summary>
/// A reply from the server: its <see cref="Kind"/>, and accessors for the string, bytes, integer or array it holds.
/// A small immutable struct; the bytes of a bulk string are owned by the value and never change.
/// </summary>
public readonly struct RedisValue : IEquatable<RedisValue>
{
    private readonly object? _payload; // byte[] (strings), RedisValue[] (arrays), string (errors)
    private readonly long _integer;

    private RedisValue(RedisValueKind kind, object? payload, long integer)
    {
        Kind = kind;
        _payload = payload;
        _integer = integer;
    }

    /// <summary>The null reply (<c>$-1</c> / <c>*-1</c>).</summary>
    public static RedisValue Null => default;

    /// <summary>The RESP type of the reply.</summary>
    public RedisValueKind Kind { get; }

    /// <summary>Whether the reply is null (a missing key, for example).</summary>
    public bool IsNull => Kind == RedisValueKind.Null;

    /// <summary>Whether the reply is a simple or bulk string.</summary>
    public bool IsString => Kind is RedisValueKind.SimpleString or RedisValueKind.BulkString;

    /// <summary>The bytes of a string reply (empty for any other kind).</summary>
    public ReadOnlyMemory<byte> Memory => _payload as byte[] ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>The elements of an array reply (empty for any other kind, including a null array).</summary>
    public ReadOnlySpan<RedisValue> Items => _payload as RedisValue[] ?? ReadOnlySpan<RedisValue>.Empty;

    /// <summary>How many elements an array reply has (0 for any other kind).</summary>
    public int Length => (_payload as RedisValue[])?.Length ?? 0;

    /// <summary>The element at <paramref name="index"/> of an array reply.</summary>
    public RedisValue this[int index] => Items[index];

    internal static RedisValue FromString(RedisValueKind kind, byte[] bytes) => new(kind, bytes, 0);

    internal static RedisValue FromInteger(long value) => new(RedisValueKind.Integer, null, value);

    internal static RedisValue FromArray(RedisValue[] items) => new(RedisValueKind.Array, items, 0);

    internal static RedisValue FromError(string message) => new(RedisValueKind.Error, message, 0);

    /// <summary>A bulk-string value holding a copy of <paramref name="bytes"/> (for tests and comparisons).</summary>
    public static RedisValue Bulk(ReadOnlySpan<byte> bytes) => new(RedisValueKind.BulkString, bytes.ToArray(), 0);

    /// <summary>A bulk-string value holding <paramref name="text"/> as UTF-8.</summary>
    public static RedisValue Bulk(string text) => new(RedisValueKind.BulkString, Encoding.UTF8.GetBytes(text), 0);

    /// <summary>The integer of an integer reply, or a string reply parsed as a decimal integer (<c>GET</c> of a counter).</summary>
    /// <exception cref="InvalidCastException">The reply is neither an integer nor a string holding one.</exception>
    public long ToInt64()
    {
        if (Kind == RedisValueKind.Integer)
        {
            return _integer;
        }

        if (IsString && long.TryParse(((byte[])_payload!).AsSpan(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new InvalidCastException($"A {Kind} reply is not an integer.");
    }

    /// <summary>A string reply parsed as a double (<c>ZSCORE</c>); <c>inf</c>/<c>-inf</c> are understood.</summary>
    /// <exception cref="InvalidCastException">The reply is not a string holding a number.</exception>
    public double ToDouble()
    {
        if (Kind == RedisValueKind.Integer)
        {
            return _integer;
        }

        if (IsString)
        {
            var bytes = ((byte[])_payload!).AsSpan();
            if (double.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            if (bytes.SequenceEqual("inf"u8) || bytes.SequenceEqual("+inf"u8))
            {
                return double.PositiveInfinity;
            }

            if (bytes.SequenceEqual("-inf"u8))
            {
                return double.NegativeInfinity;
            }
        }

        throw new InvalidCastException($"A {Kind} reply is not a number.");
    }

    /// <summary>A copy of the bytes of a string reply, or null for a null reply.</summary>
    public byte[]? ToArray() => IsNull ? null : Memory.ToArray();

    /// <summary>
    /// The text of the reply: a string decoded as UTF-8, an integer in decimal, an error's message, an array as
    /// <c>[a, b]</c>; null for the null reply.
    /// </summary>
    public override string? ToString() => Kind switch
    {
        RedisValueKind.Null => null,
        RedisValueKind.SimpleString or RedisValueKind.BulkString => Encoding.UTF8.GetString((byte[])_payload!),
        RedisValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        RedisValueKind.Error => (string)_payload!,
        _ => "[" + string.Join(", ", ((RedisValue[])_payload!).Select(v => v.ToString() ?? "(nil)")) + "]",
    };

    /// <inheritdoc />
    public bool Equals(RedisValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            RedisValueKind.Null => true,
            RedisValueKind.Integer => _integer == other._integer,
            RedisValueKind.Error => string.Equals((string)_payload!, (string)other._payload!, StringComparison.Ordinal),
            RedisValueKind.Array => Items.SequenceEqual(other.Items),
            _ => Memory.Span.SequenceEqual(other.Memory.Span),
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case RedisValueKind.Integer:
                hash.Add(_integer);
                break;
            case RedisValueKind.Array:
                hash.Add(Length);
                break;
            case RedisValueKind.Error:
                hash.Add((string)_payload!, StringComparer.Ordinal);
                break;
            default:
                hash.AddBytes(Memory.Span);
                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality: same kind and same content.</summary>
    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);
}
