namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// <c>Auth:RateLimit</c>: requests per minute for each authenticated caller (by its stable id), and for each client
/// address whose requests carry no valid credential (health probes, the UI's files, failed or missing keys, and webhook
/// senders proven by a token or signature rather than an API key). 0 turns a limit off.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Auth:RateLimit";

    /// <summary>Requests each authenticated caller may make per minute (default 600).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Requests without a valid credential each client address may make per minute (default 300).</summary>
    public int AnonymousPermitsPerMinute { get; set; } = 300;
}
