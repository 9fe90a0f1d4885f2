using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Serialization;
using IncidentPlatform.ServiceDefaults.Security;

namespace IncidentPlatform.Notifier.Channels.Webhook;

/// <summary>
/// POSTs the notification as JSON to <see cref="ChannelOptions.Url"/>, signed as <see cref="WebhookSignature"/> says
/// (<c>X-IncidentPlatform-Signature: sha256=&lt;hex HMAC-SHA256 of {timestamp}.{body} with Secret&gt;</c>, the
/// timestamp in <c>X-IncidentPlatform-Timestamp</c>); the receiver can drop duplicates by <c>Idempotency-Key</c>.
/// </summary>
internal sealed class WebhookChannel(string name, ChannelOptions options, IHttpClientFactory http, TimeProvider time) : ChannelBase(name, options)
{
    public override string Type => ChannelTypes.Webhook;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(PayloadFactory.Create(Name, message), NotifierJsonContext.Default.WebhookPayload);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, Options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(Options.Secret!, timestamp, body));
        request.Headers.Add("X-IncidentPlatform-Event", message.Event.Type);
        request.Headers.Add("X-IncidentPlatform-Delivery", message.DeliveryId);
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        var (result, _, _) = await VendorHttp.SendAsync(http.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        return result;
    }
}
