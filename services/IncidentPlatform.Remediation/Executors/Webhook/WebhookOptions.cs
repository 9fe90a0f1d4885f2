namespace IncidentPlatform.Remediation.Executors.Webhook;

/// <summary>The <c>http.webhook</c> action's signing secret (section <c>Remediation:Webhook</c>).</summary>
internal sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Remediation:Webhook";

    /// <summary>The HMAC-SHA256 key the receiver verifies <c>X-IncidentPlatform-Signature</c> with (at least 16 characters).</summary>
    public string? Secret { get; set; }
}
