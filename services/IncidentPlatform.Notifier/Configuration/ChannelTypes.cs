namespace IncidentPlatform.Notifier.Configuration;

/// <summary>The channel types a <c>Notifier:Channels:&lt;name&gt;:Type</c> may name.</summary>
internal static class ChannelTypes
{
    public const string SlackWebhook = "slack-webhook";
    public const string SlackBot = "slack-bot";
    public const string Teams = "teams";
    public const string Email = "email";
    public const string Jira = "jira";
    public const string PagerDuty = "pagerduty";
    public const string Webhook = "webhook";
    public const string Console = "console";
    public const string ServiceNow = "servicenow";
    public const string GrafanaAnnotations = "grafana-annotations";

    public static readonly IReadOnlyList<string> All =
        [SlackWebhook, SlackBot, Teams, Email, Jira, PagerDuty, ServiceNow, GrafanaAnnotations, Webhook, Console];
}
