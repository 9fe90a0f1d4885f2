using System.Net.Sockets;
using System.Text;
using IncidentPlatform.ServiceDefaults.Http;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// Sends signed AWS calls. A throttled call (refused for rate) is sent again with exponential backoff, up to
/// <see cref="AwsOptions.MaxRetries"/>; other errors (access denied, validation) fail at once; server errors are
/// retried only for reads, since a write may have been applied.
/// </summary>
internal sealed class AwsClient(
    HttpClient http, IOptions<AwsOptions> options, AwsCredentialSource credentials, TimeProvider time, ILogger<AwsClient> logger)
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>Where calls for <paramref name="service"/> go: the configured override, else the regional public endpoint.</summary>
    public Uri Endpoint(string service) => Endpoint(service, Region());

    /// <summary>
    /// A text record of the call (method, URL, headers, body) with nothing secret: no signature, no token. Without a
    /// configured region (a dry run on a laptop) the URL names the region <c>region-not-configured</c>.
    /// </summary>
    public string Describe(AwsRequest call)
    {
        var region = options.Value.EffectiveRegion ?? "region-not-configured";
        var text = new StringBuilder();
        text.Append(call.Method).Append(' ').Append(AwsSigner.Url(call, Endpoint(call.Service, region))).Append('\n');
        foreach (var (name, value) in call.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        text.Append("Authorization: AWS4-HMAC-SHA256 Credential=<redacted>/").Append(region).Append('/').Append(call.Service)
            .Append("/aws4_request (signed when sent)\n\n").Append(call.BodyText);
        return text.ToString();
    }

    /// <summary>Sends the call; throws <see cref="AwsCallException"/> on an error answer or when AWS cannot be reached.</summary>
    public async Task<AwsResponse> SendAsync(AwsRequest call, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint(call.Service);
        var region = Region();
        var config = new SigningConfig(call.Service, region, endpoint);
        for (var attempt = 1; ; attempt++)
        {
            var identity = await credentials.GetAsync(config, cancellationToken);
            using var message = AwsSigner.Sign(call, endpoint, region, identity);
            message.Options.Set(ResiliencePipelineFactory.NoRetry, true);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                // A refused connection never reached AWS; anything else may have, so only reads are sent again.
                var refused = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
                if ((refused || call.Idempotent) && attempt <= options.Value.MaxRetries)
                {
                    await BackOffAsync(call, attempt, "NetworkError", cancellationToken);
                    continue;
                }

                throw new AwsCallException(call.Operation, 0, "NetworkError", e.Message, attempt);
            }

            using (response)
            {
                var body = await ReadAsync(response, cancellationToken);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var headers = response.Headers.Concat(response.Content.Headers)
                        .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                    return new AwsResponse(status, body, headers);
                }

                var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
                var (code, detail) = AwsErrors.Parse(body, errorType);
                var retry = AwsErrors.IsThrottling(status, code) || (call.Idempotent && status >= 500);
                if (retry && attempt <= options.Value.MaxRetries)
                {
                    await BackOffAsync(call, attempt, code, cancellationToken);
                    continue;
                }

                throw new AwsCallException(call.Operation, status, code, detail, attempt);
            }
        }
    }

    private Uri Endpoint(string service, string region) =>
        options.Value.Endpoints.TryGetValue(service, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? new Uri(configured.Trim())
            : new Uri($"https://{service}.{region}.amazonaws.com/");

    private string Region() => options.Value.EffectiveRegion ??
        throw new AwsCallException("ResolveRegion", 0, "NoRegion",
            $"no AWS region: set {AwsOptions.Section}:Region or the AWS_REGION environment variable", 1);

    private async Task BackOffAsync(AwsRequest call, int attempt, string code, CancellationToken cancellationToken)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, attempt - 1);
        logger.LogWarning("AWS {Operation} answered {ErrorCode}; sending it again in {Delay} (attempt {Attempt})",
            call.Operation, code, delay, attempt + 1);
        await Task.Delay(delay, time, cancellationToken);
    }

    // Answers are read up to a bound: an output is recorded, never an unbounded body.
    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < MaxBody && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, MaxBody - buffer.Length));
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
