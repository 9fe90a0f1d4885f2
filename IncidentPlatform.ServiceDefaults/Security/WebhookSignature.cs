using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.ServiceDefaults.Security;

/// <summary>
/// HMAC-SHA256 webhook signatures. Ours — sent by the notifier's webhook channel and the remediation's
/// <c>http.webhook</c> action — is <c>X-IncidentPlatform-Signature: sha256=&lt;hex&gt;</c> over
/// <c>{timestamp}.{body}</c>, the timestamp (Unix seconds) sent in <c>X-IncidentPlatform-Timestamp</c>, so a receiver
/// can refuse replays. The vendor schemes an edge verifies (Slack's <c>v0:{timestamp}:{body}</c>, PagerDuty's raw body)
/// are the same HMAC over a prefix and the body: <see cref="Hmac"/> and <see cref="Matches"/>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header with our signature.</summary>
    public const string SignatureHeader = "X-IncidentPlatform-Signature";

    /// <summary>The header with the Unix time (seconds) our signature covers.</summary>
    public const string TimestampHeader = "X-IncidentPlatform-Timestamp";

    /// <summary>Our signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        "sha256=" + Hmac(secret, $"{timestamp}.", body);

    /// <summary>The lower-case hex HMAC-SHA256, keyed with <paramref name="secret"/>, of <paramref name="prefix"/> (UTF-8) then <paramref name="body"/>.</summary>
    public static string Hmac(string secret, string prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="presented"/> is <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
