using System.Net.Http.Headers;
using System.Text.Json;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Serialization;

namespace IncidentPlatform.Notifier.Channels.Webhook;

/// <summary>
/// POSTs the notification as JSON to <see cref="ChannelOptions.Url"/>, signed with
/// <c>X-IncidentPlatform-Signature: sha256=&lt;hex HMAC-SHA256 of the body with Secret&gt;</c>; the receiver can drop
/// duplicates by <c>Idempotency-Key</c>.
/// </summary>
internal sealed class WebhookChannel(string name, ChannelOptions options, IHttpClientFactory http) : INotificationChannel
{
    public string Name => name;

    public string Type => ChannelTypes.Webhook;

    public ChannelOptions Options => options;

    public bool Accepts(NotificationEvent e) => true;

    public async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(PayloadFactory.Create(name, message), NotifierJsonContext.Default.WebhookPayload);
        var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(options.Secret!, body));
        request.Headers.Add("X-IncidentPlatform-Event", message.Event.Type);
        request.Headers.Add("X-IncidentPlatform-Delivery", message.DeliveryId);
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        var (result, _, _) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result;
    }
}
