using System.Text.Json.Nodes;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>What every channel has: its name and settings; and the common case, a JSON POST to its URL.</summary>
internal abstract class ChannelBase(string name, ChannelOptions options) : INotificationChannel
{
    public string Name => name;

    public abstract string Type { get; }

    public ChannelOptions Options => options;

    public virtual bool KeepsIncidentState => false;

    public virtual bool Accepts(NotificationEvent e) => true;

    public abstract Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken);

    /// <summary>POSTs <paramref name="body"/> to the channel's <c>Url</c> once.</summary>
    protected static async Task<SendResult> PostJsonAsync(
        IHttpClientFactory http, string url, JsonNode body, CancellationToken cancellationToken)
    {
        var request = VendorHttp.Json(HttpMethod.Post, new Uri(url), body);
        var (result, _, _) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result;
    }
}
