namespace IncidentPlatform.Redis;

/// <summary>
/// One argument of a command: a string (sent as UTF-8), bytes, or a number (sent in decimal). Converts implicitly
/// from <see cref="string"/>, <see cref="byte"/>[], <see cref="ReadOnlyMemory{T}"/> of bytes, <see cref="long"/>,
/// <see cref="int"/> and <see cref="double"/>, without boxing, so <c>ExecuteAsync("SET", key, 42)</c> reads naturally.
/// </summary>
public readonly struct RedisArgument
{
    internal readonly ArgumentKind ArgKind;
    internal readonly string? Text;
    internal readonly ReadOnlyMemory<byte> Bytes;
    internal readonly long Integer; // the integer, or the bits of the double for ArgumentKind.Number

    private RedisArgument(ArgumentKind kind, string? text = null, ReadOnlyMemory<byte> bytes = default, long integer = 0)
    {
        ArgKind = kind;
        Text = text;
        Bytes = bytes;
        Integer = integer;
    }

    internal double Number => BitConverter.Int64BitsToDouble(Integer);

    internal enum ArgumentKind : byte
    {
        None,
        Text,
        Bytes,
        Integer,
        Number,
    }

    /// <summary>A UTF-8 string argument.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator RedisArgument(string value) =>
        new(ArgumentKind.Text, text: value ?? throw new ArgumentNullException(nameof(value), "A Redis argument cannot be null."));

    /// <summary>A binary argument (the array is read when the command is written, not copied before).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator RedisArgument(byte[] value) =>
        new(ArgumentKind.Bytes, bytes: value ?? throw new ArgumentNullException(nameof(value), "A Redis argument cannot be null."));

    /// <summary>A binary argument.</summary>
    public static implicit operator RedisArgument(ReadOnlyMemory<byte> value) => new(ArgumentKind.Bytes, bytes: value);

    /// <summary>An integer argument, sent in decimal.</summary>
    public static implicit operator RedisArgument(long value) => new(ArgumentKind.Integer, integer: value);

    /// <summary>An integer argument, sent in decimal.</summary>
    public static implicit operator RedisArgument(int value) => new(ArgumentKind.Integer, integer: value);

    /// <summary>A floating-point argument, sent round-trippable; infinities as <c>+inf</c>/<c>-inf</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN, which Redis does not accept.</exception>
    public static implicit operator RedisArgument(double value) =>
        double.IsNaN(value) ? throw new ArgumentException("NaN cannot be sent to Redis.", nameof(value)) : new(ArgumentKind.Number, integer: BitConverter.DoubleToInt64Bits(value));

    /// <summary>Whether this is the default value, which is not a valid argument.</summary>
    public bool IsEmpty => ArgKind == ArgumentKind.None;

    /// <inheritdoc />
    public override string ToString() => ArgKind switch
    {
        ArgumentKind.Text => Text!,
        ArgumentKind.Bytes => $"<{Bytes.Length} bytes>",
        ArgumentKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ArgumentKind.Number => Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => "<none>",
    };
}
