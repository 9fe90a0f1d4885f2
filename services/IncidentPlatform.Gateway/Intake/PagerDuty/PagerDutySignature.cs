using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// <c>X-PagerDuty-Signature</c>: one or more comma-separated <c>v1=&lt;hex HMAC-SHA256 of the raw body&gt;</c>, one per
/// signing secret; the delivery is authentic when any of them matches any configured secret (compared in constant time).
/// </summary>
internal static class PagerDutySignature
{
    public const string Header = "X-PagerDuty-Signature";

    public static bool Verify(byte[] body, string? header, IReadOnlyList<string> secrets)
    {
        var presented = (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.StartsWith("v1=", StringComparison.Ordinal))
            .Select(s => TryHex(s[3..]))
            .OfType<byte[]>()
            .ToList();
        var valid = false;
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            foreach (var signature in presented)
            {
                valid |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        return valid;
    }

    /// <summary>The header value PagerDuty would send for the body and secret.</summary>
    public static string Sign(byte[] body, string secret) => "v1=" + WebhookSignature.Hmac(secret, "", body);

    private static byte[]? TryHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
