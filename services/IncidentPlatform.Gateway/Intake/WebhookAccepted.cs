namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// The answer of an alert webhook (202): <c>alertId</c> for a delivery carrying one alert, <c>alertIds</c> for batches
/// (Alertmanager, Grafana: one per alert, in order), <c>ignored</c> saying why a delivery produced no alert.
/// </summary>
internal sealed record WebhookAccepted(string? AlertId = null, IReadOnlyList<string>? AlertIds = null, string? Ignored = null);
