using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.Remediation.Executors.Webhook;

/// <summary>
/// The signature of a webhook call: <c>X-IncidentPlatform-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of
/// <c>{timestamp}.{body}</c> keyed with the shared secret, where the timestamp (Unix seconds) is sent in
/// <c>X-IncidentPlatform-Timestamp</c>. Receivers recompute it and reject old timestamps (replays).
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-IncidentPlatform-Signature";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-IncidentPlatform-Timestamp";

    /// <summary>The remediation id header (the receiver's idempotency key).</summary>
    public const string RemediationHeader = "X-IncidentPlatform-Remediation";

    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Compute(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
