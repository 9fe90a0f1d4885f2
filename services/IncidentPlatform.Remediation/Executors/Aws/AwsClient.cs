using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// Sends AWS calls as HTTP requests signed with AWSSDK.Core's SigV4 signer, for the services whose SDK packages are
/// absent here (Lambda, Auto Scaling, ECS); resent as <see cref="AwsRetries"/> allows.
/// </summary>
internal sealed class AwsClient(HttpClient http, IOptions<AwsOptions> options, AwsCredentialSource credentials, AwsRetries retries)
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>
    /// A text record of the call (method, URL, headers, body) with nothing secret: no signature, no token. Without a
    /// configured region (a dry run on a laptop) the URL names the region <c>region-not-configured</c>.
    /// </summary>
    public string Describe(AwsRequest call)
    {
        var region = options.Value.EffectiveRegion ?? AwsRecord.NoRegion;
        return AwsRecord.Describe(call.Method, AwsSigner.Url(call, options.Value.Endpoint(call.Service, region)), call.Headers,
            region, call.Service, call.BodyText);
    }

    /// <summary>Sends the call; throws <see cref="AwsCallException"/> on an error answer or when AWS cannot be reached.</summary>
    public async Task<AwsResponse> SendAsync(AwsRequest call, CancellationToken cancellationToken)
    {
        var region = options.Value.RequireRegion();
        var endpoint = options.Value.Endpoint(call.Service, region);
        var config = new SigningConfig(call.Service, region, endpoint);
        return await retries.RunAsync(call.Operation, call.Idempotent, async token =>
        {
            var identity = await credentials.GetAsync(config, token);
            using var message = AwsSigner.Sign(call, endpoint, region, identity);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, token);
            }
            catch (HttpRequestException e)
            {
                throw AwsCallException.Network(call.Operation, e);
            }

            using (response)
            {
                var body = await ReadAsync(response, token);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var headers = response.Headers.Concat(response.Content.Headers)
                        .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                    return new AwsResponse(status, body, headers);
                }

                var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
                var (code, detail) = AwsErrors.Parse(body, errorType);
                throw new AwsCallException(call.Operation, status, code, detail, 1);
            }
        }, cancellationToken);
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
