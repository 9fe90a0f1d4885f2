namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// The Splunk connection (section <c>Splunk</c>; the AppHost sets <c>Splunk__Url</c> and <c>Splunk__Token</c>). Needed
/// only when detection rules are configured.
/// </summary>
internal sealed class SplunkOptions
{
    public const string Section = "Splunk";

    /// <summary>The management (REST) endpoint, e.g. <c>https://splunk.example.com:8089</c>.</summary>
    public string? Url { get; set; }

    /// <summary>An authentication token (a Splunk token or a session key). Give it a role that can only search.</summary>
    public string? Token { get; set; }

    /// <summary><c>Bearer</c> (Splunk authentication tokens) or <c>Splunk</c> (session keys).</summary>
    public string AuthScheme { get; set; } = "Bearer";

    /// <summary>Skips TLS certificate verification: for labs with self-signed certificates only (logged as a warning).</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <summary>A PEM file of CA certificates to trust for Splunk's certificate (a private CA), besides the system's.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>The time limit of one search, from the request to the last row.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After downtime, windows older than this are skipped (logged and counted) rather than searched.</summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first retry delay after a failed search; it doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a replica's claim on a rule lasts without renewal (another replica takes over after it).</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sample lines kept per service and window.</summary>
    public int MaxSamples { get; set; } = 5;
}
