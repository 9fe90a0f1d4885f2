using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// The hash of an audit entry: SHA-256 over the previous entry's hash, a newline, and the canonical serialization of the
/// entry (every field but the two hashes, in a fixed order, details sorted by key, the time in UTC with 100 ns
/// precision). Changing any field, or removing or reordering entries, breaks the chain from there on.
/// </summary>
internal static class AuditHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

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
    public static string Hash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.PreviousHash + "\n" + Canonical(entry))));
}
