using IncidentPlatform.Gateway.Inbox;

namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>
/// PagerDuty v3 webhooks (<c>Webhooks:PagerDuty</c>). With signing secrets configured every delivery must carry a
/// matching <c>X-PagerDuty-Signature</c> (an API key or token alone is not enough) and be fresh (<see cref="ReplayWindow"/>);
/// without, an API key (PagerDuty's custom headers) or the source token authenticates.
/// </summary>
internal sealed class PagerDutyOptions : WebhookSourceOptions
{
    /// <summary>How long the intake remembers a sender's event id (a retry within it is dropped as a duplicate).</summary>
    public static readonly TimeSpan MaxReplayWindow = AlertInbox.RetryMemory;

    /// <summary>The webhook subscriptions' secrets (several during a rotation).</summary>
    public string[]? SigningSecrets { get; set; }

    /// <summary>
    /// The signature has no timestamp, so a signed delivery is refused when its <c>event.occurred_at</c> is older than
    /// this (or more than five minutes ahead); within it, a replay is dropped by its event id. PagerDuty retries a failed
    /// delivery for about 20 minutes; default 30 minutes, at most a day.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(30);
}
