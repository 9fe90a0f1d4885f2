using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// The hash of an audit entry over the previous entry's hash, a newline, and the canonical serialization of the entry
/// (every field but the two hashes, in a fixed order, details sorted by key, the time in UTC with 100 ns precision).
/// Changing any field, or removing or reordering entries, breaks the chain from there on. Unkeyed (<c>sha256</c>, the
/// default) anyone with write access to the store can rebuild a changed chain; keyed (<c>hmac-sha256</c> with
/// <c>Remediation:AuditKey</c>) only someone who also holds the key can.
/// </summary>
internal sealed class AuditHasher
{
    /// <summary>The mode of an unkeyed chain.</summary>
    public const string UnkeyedMode = "sha256";

    /// <summary>The mode of a keyed chain.</summary>
    public const string KeyedMode = "hmac-sha256";

    /// <summary>The shortest key accepted.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The unkeyed hasher.</summary>
    public static readonly AuditHasher Unkeyed = new(null);

    private readonly byte[]? _key;

    /// <summary>A hasher keyed with <paramref name="key"/>, or unkeyed when it is null or empty.</summary>
    public AuditHasher(string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            if (key.Length < MinimumKeyLength)
            {
                throw new ArgumentException($"The audit key must have at least {MinimumKeyLength} characters.", nameof(key));
            }

            _key = Encoding.UTF8.GetBytes(key);
        }
    }

    /// <summary><see cref="KeyedMode"/> or <see cref="UnkeyedMode"/>.</summary>
    public string Mode => _key is null ? UnkeyedMode : KeyedMode;

    /// <summary>The canonical serialization of <paramref name="entry"/>.</summary>
    public static string Canonical(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", entry.Sequence);
            json.WriteString("incidentId", entry.IncidentId);
            json.WriteString("at", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("kind", entry.Kind);
            json.WriteString("actor", entry.Actor);
            json.WriteString("channel", entry.Channel);
            json.WriteString("remediationId", entry.RemediationId);
            json.WriteString("rule", entry.Rule);
            json.WriteString("policyVersion", entry.PolicyVersion);
            json.WriteStartObject("details");
            foreach (var (key, value) in entry.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The hash <paramref name="entry"/> must carry, given its <see cref="AuditEntry.PreviousHash"/>.</summary>
    public string Hash(AuditEntry entry)
    {
        var data = Encoding.UTF8.GetBytes(entry.PreviousHash + "\n" + Canonical(entry));
        return Convert.ToHexStringLower(_key is null ? SHA256.HashData(data) : HMACSHA256.HashData(_key, data));
    }
}
