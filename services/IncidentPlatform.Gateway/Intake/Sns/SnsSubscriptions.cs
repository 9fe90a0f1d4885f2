using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Sns;

/// <summary>Confirms SNS subscriptions by visiting their <c>SubscribeURL</c>, when configured to and for allowed topics.</summary>
internal sealed class SnsSubscriptions(
    IHttpClientFactory http, SnsCertificates certificates, IOptions<WebhookOptions> options, ILogger<SnsSubscriptions> logger)
{
    /// <summary>Null when confirmed, else why not (not configured, or the URL or the call failed).</summary>
    public async Task<string?> ConfirmAsync(SnsMessage message, CancellationToken ct)
    {
        if (!options.Value.Sns.AutoConfirm)
        {
            logger.LogWarning("SNS subscription to {TopicArn} is not confirmed: Webhooks:Sns:AutoConfirm is off; confirm it in AWS",
                message.TopicArn);
            return "Automatic confirmation is off (Webhooks:Sns:AutoConfirm); confirm the subscription in AWS.";
        }

        if (certificates.CheckUrl(message.SubscribeUrl, "SubscribeURL", out var uri) is { } error)
        {
            return error;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        try
        {
            using var response = await http.CreateClient(SnsCertificates.HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return $"Confirming the subscription answered {(int)response.StatusCode}.";
            }
        }
        catch (HttpRequestException e)
        {
            return $"Confirming the subscription failed: {e.Message}";
        }

        logger.LogInformation("Confirmed the SNS subscription to {TopicArn}", message.TopicArn);
        return null;
    }
}
