using System.Globalization;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Gateway.Slack;

/// <summary>
/// Slack's request signature, version <c>v0</c>: <c>v0=</c> and the hex HMAC-SHA256, keyed with the signing secret, of
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>; compared in constant time, and refused outside the replay window.
/// </summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        "v0=" + WebhookSignature.Hmac(secret, $"v0:{timestamp}:", body);

    /// <summary>Null when the request is authentic and fresh; otherwise why not.</summary>
    public static string? Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"The {SignatureHeader} and {TimestampHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"{TimestampHeader} is not a Unix time.";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > window)
        {
            return $"{TimestampHeader} is outside the {window.TotalMinutes:0}-minute window (a replay, or a clock off).";
        }

        return WebhookSignature.Matches(Compute(secret, timestamp, body), signature) ? null : "The signature does not match.";
    }
}
