using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.ServiceDefaults;

/// <summary>
/// Identifiers of the form <c>{prefix}-{26 characters}</c>: time-ordered (48-bit milliseconds, then 80 random bits, in
/// Crockford base 32, like a ULID) so that ids sort by creation, or derived from a key when the same input must always
/// give the same id (an alert retried by its sender).
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>A new time-ordered id, e.g. <c>inc-01j9…</c>.</summary>
    public static string New(string prefix, TimeProvider? time = null)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xff);
            ms >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return Format(prefix, bytes);
    }

    /// <summary>The id derived from <paramref name="key"/> (SHA-256), the same every time.</summary>
    public static string FromKey(string prefix, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Format(prefix, hash[..16]);
    }

    private static string Format(string prefix, ReadOnlySpan<byte> bytes)
    {
        // 128 bits → 26 base-32 characters, most significant first.
        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"{prefix}-{chars}";
    }
}
