namespace IncidentPlatform.Gateway.Auth;

/// <summary><c>Auth:RateLimit</c>: requests per caller (API key name or token subject) per minute; 0 turns it off.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Auth:RateLimit";

    /// <summary>Requests each caller may make per minute (default 600).</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
