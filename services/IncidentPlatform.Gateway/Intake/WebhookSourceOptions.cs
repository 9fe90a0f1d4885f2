namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Settings every webhook source has (<c>Webhooks:&lt;Source&gt;</c>). Without a token the source's endpoint takes only an
/// API key with the <c>write</c> scope (or, for SNS and PagerDuty, the sender's signature).
/// </summary>
internal class WebhookSourceOptions
{
    /// <summary>
    /// A shared secret for senders that cannot send an API key header: given as <c>?token=…</c> or in the
    /// <c>X-Webhook-Token</c> header, compared in constant time, never logged. At least 16 characters.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The severity of alerts that carry none the mapping understands (<c>critical</c>, <c>high</c>, <c>medium</c>…).</summary>
    public string DefaultSeverity { get; set; } = "medium";
}
