using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Channels.Slack;

/// <summary>A Slack incoming webhook: one Block Kit message per notification, POSTed to its URL.</summary>
internal sealed class SlackWebhookChannel(string name, ChannelOptions options, IHttpClientFactory http) : INotificationChannel
{
    public string Name => name;

    public string Type => ChannelTypes.SlackWebhook;

    public ChannelOptions Options => options;

    public bool Accepts(NotificationEvent e) => true;

    public async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var body = SlackBlocks.Message(message.Title, message.Body, message.Event);
        var request = VendorHttp.Json(HttpMethod.Post, new Uri(options.Url!), body);
        var (result, _, _) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result;
    }
}
