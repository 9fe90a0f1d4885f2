namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// PagerDuty v3 webhooks (<c>Webhooks:PagerDuty</c>). With signing secrets configured every delivery must carry a
/// matching <c>X-PagerDuty-Signature</c> (an API key or token alone is not enough); without, an API key (PagerDuty's
/// custom headers) or the source token authenticates.
/// </summary>
internal sealed class PagerDutyOptions : WebhookSourceOptions
{
    /// <summary>The webhook subscriptions' secrets (several during a rotation).</summary>
    public string[]? SigningSecrets { get; set; }
}
