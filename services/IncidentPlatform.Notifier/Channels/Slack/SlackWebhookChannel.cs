using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Channels.Slack;

/// <summary>A Slack incoming webhook: one Block Kit message per notification, POSTed to its URL.</summary>
internal sealed class SlackWebhookChannel(string name, ChannelOptions options, IHttpClientFactory http) : ChannelBase(name, options)
{
    public override string Type => ChannelTypes.SlackWebhook;

    public override Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        PostJsonAsync(http, Options.Url!, SlackBlocks.Message(message.Title, message.Body, message.Event), cancellationToken);
}
