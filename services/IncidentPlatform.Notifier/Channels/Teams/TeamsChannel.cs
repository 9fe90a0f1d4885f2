using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Channels.Teams;

/// <summary>Microsoft Teams through a workflow (Power Automate) webhook, one Adaptive Card per notification.</summary>
internal sealed class TeamsChannel(string name, ChannelOptions options, IHttpClientFactory http) : INotificationChannel
{
    public string Name => name;

    public string Type => ChannelTypes.Teams;

    public ChannelOptions Options => options;

    public bool Accepts(NotificationEvent e) => true;

    public async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var request = VendorHttp.Json(HttpMethod.Post, new Uri(options.Url!),
            AdaptiveCard.Message(message.Title, message.Body, message.Event));
        var (result, _, _) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result;
    }
}
