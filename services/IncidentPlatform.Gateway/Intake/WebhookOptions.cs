using IncidentPlatform.Gateway.Intake.CloudWatchLogs;
using IncidentPlatform.Gateway.Intake.PagerDuty;
using IncidentPlatform.Gateway.Intake.Sns;

namespace IncidentPlatform.Gateway.Intake;

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
