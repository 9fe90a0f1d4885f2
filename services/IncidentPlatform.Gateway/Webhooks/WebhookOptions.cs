using IncidentPlatform.Gateway.Webhooks.CloudWatchLogs;
using IncidentPlatform.Gateway.Webhooks.PagerDuty;
using IncidentPlatform.Gateway.Webhooks.Sns;

namespace IncidentPlatform.Gateway.Webhooks;

/// <summary>The alert webhooks' settings (section <c>Webhooks</c>), one subsection per source.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public SnsOptions Sns { get; set; } = new();

    public CloudWatchLogsOptions CloudWatchLogs { get; set; } = new();

    public LabelledSourceOptions Alertmanager { get; set; } = new();

    public LabelledSourceOptions Grafana { get; set; } = new();

    public PagerDutyOptions PagerDuty { get; set; } = new();
}
