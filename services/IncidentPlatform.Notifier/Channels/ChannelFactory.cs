using IncidentPlatform.Notifier.Channels.Console;
using IncidentPlatform.Notifier.Channels.Email;
using IncidentPlatform.Notifier.Channels.Grafana;
using IncidentPlatform.Notifier.Channels.Jira;
using IncidentPlatform.Notifier.Channels.PagerDuty;
using IncidentPlatform.Notifier.Channels.ServiceNow;
using IncidentPlatform.Notifier.Channels.Slack;
using IncidentPlatform.Notifier.Channels.Teams;
using IncidentPlatform.Notifier.Channels.Webhook;
using IncidentPlatform.Notifier.Configuration;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>Builds a channel of the configured type.</summary>
internal sealed class ChannelFactory(
    IHttpClientFactory http, ChannelStateStore state, TimeProvider time, ILoggerFactory loggers)
{
    public INotificationChannel Create(string name, ChannelOptions options) => options.Type switch
    {
        ChannelTypes.SlackWebhook => new SlackWebhookChannel(name, options, http),
        ChannelTypes.SlackBot => new SlackBotChannel(name, options, http, state, loggers.CreateLogger<SlackBotChannel>()),
        ChannelTypes.Teams => new TeamsChannel(name, options, http),
        ChannelTypes.Email => new EmailChannel(name, options, time),
        ChannelTypes.Jira => new JiraChannel(name, options, http, state),
        ChannelTypes.PagerDuty => new PagerDutyChannel(name, options, http),
        ChannelTypes.ServiceNow => new ServiceNowChannel(name, options, http, state, time),
        ChannelTypes.GrafanaAnnotations => new GrafanaAnnotationsChannel(name, options, http, state),
        ChannelTypes.Webhook => new WebhookChannel(name, options, http, time),
        ChannelTypes.Console => new ConsoleChannel(name, options),
        _ => throw new InvalidOperationException($"Unknown channel type '{options.Type}' for channel '{name}'."),
    };
}
