namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>A PagerDuty v3 webhook body: exactly one event.</summary>
internal sealed record PagerDutyWebhook(PagerDutyEvent? Event);
