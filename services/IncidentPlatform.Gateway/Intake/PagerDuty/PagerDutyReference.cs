namespace IncidentPlatform.Gateway.Intake.PagerDuty;

/// <summary>A reference to another PagerDuty object (service, priority, team…).</summary>
internal sealed record PagerDutyReference(string? Id, string? Summary, string? HtmlUrl);
