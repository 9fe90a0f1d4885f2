namespace IncidentPlatform.Gateway.Intake;

/// <summary>Settings of the label-based sources (<c>Webhooks:Alertmanager</c>, <c>Webhooks:Grafana</c>).</summary>
internal sealed class LabelledSourceOptions : WebhookSourceOptions
{
    /// <summary>Labels naming the affected service, the first present wins; null means <c>service, app, application, job</c>.</summary>
    public string[]? ServiceLabels { get; set; }

    /// <summary>The label carrying the severity.</summary>
    public string SeverityLabel { get; set; } = "severity";

    public IReadOnlyList<string> EffectiveServiceLabels => ServiceLabels ?? ["service", "app", "application", "job"];
}
