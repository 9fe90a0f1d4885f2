using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Detector.Correlation;

/// <summary>The correlation fingerprint of an alert: alerts with the same one belong to the same open incident.</summary>
internal static class Fingerprints
{
    /// <summary>
    /// The sender's fingerprint when it has a stable one (an alarm ARN, Alertmanager's fingerprint), else a hash of the
    /// source, the service and the title with digits masked (so "disk 81% full" and "disk 83% full" group).
    /// </summary>
    public static string For(Alert alert)
    {
        if (!string.IsNullOrWhiteSpace(alert.Fingerprint))
        {
            return alert.Fingerprint;
        }

        var key = $"{alert.Source}\n{alert.Service}\n{MaskDigits(alert.Title)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static string MaskDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inNumber = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inNumber)
                {
                    builder.Append('#');
                }

                inNumber = true;
            }
            else
            {
                inNumber = false;
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
