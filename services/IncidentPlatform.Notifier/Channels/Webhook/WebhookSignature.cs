using System.Security.Cryptography;
using System.Text;

namespace IncidentPlatform.Notifier.Channels.Webhook;

/// <summary>The signature of a generic webhook: <c>sha256=</c> and the hex HMAC-SHA256 of the body with the secret.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-IncidentPlatform-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
