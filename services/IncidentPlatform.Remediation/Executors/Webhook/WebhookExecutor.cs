using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Webhook;

/// <summary>
/// <c>http.webhook</c>: POST the JSON body, signed as <see cref="WebhookSignature"/> says, to the URL (already checked
/// against the allowlist). Redirects are not followed (the client is registered so; a 3xx is a failure), and at most
/// <see cref="MaxReplyBytes"/> of the reply are read and kept.
/// </summary>
internal sealed class WebhookExecutor(HttpClient http, IOptions<WebhookOptions> options, TimeProvider time) : IActionExecutor
{
    /// <summary>The remediation id header (the receiver's idempotency key).</summary>
    public const string RemediationHeader = "X-IncidentPlatform-Remediation";

    /// <summary>How much of the reply is read and stored with the result.</summary>
    public const int MaxReplyBytes = 4096;

    /// <inheritdoc />
    public string ActionId => CatalogActions.HttpWebhook;

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ActionRun run, CancellationToken cancellationToken)
    {
        var url = new Uri(run.Parameter("url")!);
        var body = Encoding.UTF8.GetBytes(run.Parameter("body") ?? "{}");
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var record = $"POST {url}\nContent-Type: application/json\n{WebhookSignature.TimestampHeader}: {timestamp}\n" +
                     $"{WebhookSignature.SignatureHeader}: sha256=<redacted>\n{RemediationHeader}: {run.Remediation.Id}\n\n" +
                     Encoding.UTF8.GetString(body);
        if (run.DryRun)
        {
            return ActionOutcome.Recorded(record);
        }

        var secret = options.Value.Secret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return ActionOutcome.Failed(record, $"{WebhookOptions.Section}:Secret is not configured, so the call cannot be signed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(RemediationHeader, run.Remediation.Id);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var answer = await ReadCappedAsync(response.Content, cancellationToken);
            var output = $"{(int)response.StatusCode} {response.ReasonPhrase}" + (answer.Length > 0 ? $": {answer}" : "");
            return response.IsSuccessStatusCode
                ? ActionOutcome.Succeeded(record, output)
                : ActionOutcome.Failed(record, $"the webhook answered {(int)response.StatusCode}", output);
        }
        catch (Exception e) when (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError }
                                       or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return ActionOutcome.Failed(record, $"the webhook could not be reached: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException
                                       || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Connected, maybe sent, but no definite answer: the hook may have acted.
            return ActionOutcome.Unknown(record, $"the webhook gave no definite answer: {e.Message}");
        }
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxReplyBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > MaxReplyBytes
            ? Encoding.UTF8.GetString(buffer, 0, MaxReplyBytes) + $"… (cut at {MaxReplyBytes} bytes)"
            : Encoding.UTF8.GetString(buffer, 0, read);
    }
}
