namespace IncidentPlatform.Notifier.Configuration;

/// <summary>
/// One channel, <c>Notifier:Channels:&lt;name&gt;</c>. <see cref="Type"/> selects which of the settings apply; the
/// validator names every missing one.
/// </summary>
public sealed class ChannelOptions
{
    /// <summary><c>slack-webhook</c>, <c>slack-bot</c>, <c>teams</c>, <c>email</c>, <c>jira</c>, <c>pagerduty</c>,
    /// <c>servicenow</c>, <c>grafana-annotations</c>, <c>webhook</c> or <c>console</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The endpoint: the incoming-webhook URL (slack-webhook, teams, webhook), the Jira site
    /// (<c>https://your-site.atlassian.net</c>), the ServiceNow instance (<c>https://your-instance.service-now.com</c>),
    /// the Grafana server (<c>https://grafana.example.com</c>),
    /// or the PagerDuty Events API URL (defaults to the public one).</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC key of a generic webhook (<c>X-IncidentPlatform-Signature</c> over the timestamp and body).</summary>
    public string? Secret { get; set; }

    /// <summary>The Slack bot token (<c>xoxb-…</c>), or the Grafana service-account token (<c>glsa_…</c>).</summary>
    public string? Token { get; set; }

    /// <summary>The Slack channel id (<c>C0123…</c>) a bot posts to.</summary>
    public string? Channel { get; set; }

    /// <summary>The Slack Web API base address (tests point it at a fake); <c>https://slack.com/api/</c> when unset.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The PagerDuty Events API v2 integration key.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>SMTP server host name.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (587 for submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Require STARTTLS before authenticating and sending (default true).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>A PEM certificate to trust as the SMTP server's root (a private CA or a self-signed server); the system
    /// trust store otherwise.</summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>The SMTP user name (AUTH), the Jira account's e-mail, or the ServiceNow user (basic auth).</summary>
    public string? Username { get; set; }

    /// <summary>The SMTP password, the Jira API token, or the ServiceNow user's password.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string? From { get; set; }

    /// <summary>The recipients.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>The Jira project key (<c>OPS</c>).</summary>
    public string? Project { get; set; }

    /// <summary>The Jira issue type for new issues.</summary>
    public string IssueType { get; set; } = "Task";

    /// <summary>The name of the Jira transition applied when the incident resolves.</summary>
    public string ResolveTransition { get; set; } = "Done";

    /// <summary>The OAuth client id of a ServiceNow application registry entry (client credentials grant at
    /// <c>/oauth_token.do</c>); set instead of <see cref="Username"/>/<see cref="Password"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret that goes with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ServiceNow <c>assignment_group</c> of new incidents (the group's sys_id).</summary>
    public string? AssignmentGroup { get; set; }

    /// <summary>The ServiceNow <c>caller_id</c> of new incidents (the integration user's sys_id).</summary>
    public string? Caller { get; set; }

    /// <summary>The ServiceNow <c>close_code</c> set when the incident resolves: one of the instance's choices (the base
    /// ones of current releases: <c>Solution provided</c>, <c>Workaround provided</c>, <c>Resolved by change</c>…).</summary>
    public string CloseCode { get; set; } = "Solution provided";

    /// <summary>The dashboard a Grafana annotation belongs to (its uid); none: an organization annotation, shown on any
    /// dashboard whose annotation query asks for the <c>incidentplatform</c> tag.</summary>
    public string? DashboardUid { get; set; }

    /// <summary>The panel of <see cref="DashboardUid"/> a Grafana annotation belongs to; none: the whole dashboard.</summary>
    public int? PanelId { get; set; }

    /// <summary>A file that a console channel appends its lines to; standard output when unset.</summary>
    public string? Path { get; set; }

    /// <summary>The value of <see cref="Format"/> for the full structured payload as one JSON line.</summary>
    public const string JsonFormat = "json";

    /// <summary>The value of <see cref="Format"/> for one short line a person reads.</summary>
    public const string TextFormat = "text";

    /// <summary>A console channel's line format: <c>text</c> (default on standard output) or <c>json</c> (default in a
    /// <see cref="Path"/>).</summary>
    public string? Format { get; set; }

    /// <summary>The message templates.</summary>
    public TemplateOptions Template { get; set; } = new();

    /// <summary>Quiet hours of this channel (routes may set their own).</summary>
    public QuietHoursOptions QuietHours { get; set; } = new();

    /// <summary>Messages per <see cref="RateWindow"/> across all replicas; 0 for no limit.</summary>
    public int RateLimit { get; set; } = 30;

    /// <summary>The rate-limit window.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a notification may wait for a free slot before it is suppressed as rate-limited.</summary>
    public TimeSpan MaxRateDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Incident notifications per <see cref="StormWindow"/> above which one storm summary is sent and the rest
    /// are suppressed; 0 turns storm protection off. Default 20 (0 for jira, pagerduty, servicenow and
    /// grafana-annotations, which group by incident themselves).</summary>
    public int? StormThreshold { get; set; }

    /// <summary>The storm window.</summary>
    public TimeSpan StormWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Send every update of an incident, not only the significant ones (severity, status, new template).</summary>
    public bool AllUpdates { get; set; }

    /// <summary>Updates to one incident within this window become one message (the latest); zero sends each at once.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per notification (the first included).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, also for a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The storm threshold in force for this channel's type.</summary>
    public int EffectiveStormThreshold =>
        StormThreshold ?? (Type is ChannelTypes.Jira or ChannelTypes.PagerDuty or ChannelTypes.ServiceNow or ChannelTypes.GrafanaAnnotations ? 0 : 20);
}
