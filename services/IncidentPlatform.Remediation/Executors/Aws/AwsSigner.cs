using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// Signs AWS calls with Signature Version 4 using AWSSDK.Core's <see cref="AWS4Signer"/> (canonical request, string to
/// sign, key derivation all come from the SDK) and turns the signed request into an <see cref="HttpRequestMessage"/>
/// with exactly the URL, headers and body that were signed.
/// </summary>
internal static class AwsSigner
{
    /// <summary>The signed message for <paramref name="call"/> at <paramref name="endpoint"/>.</summary>
    public static HttpRequestMessage Sign(AwsRequest call, Uri endpoint, string region, ImmutableCredentials credentials)
    {
        var request = new DefaultRequest(new SignedCall(), call.Service)
        {
            HttpMethod = call.Method,
            Endpoint = endpoint,
            ResourcePath = call.ResourcePath,
            Content = call.Body,
        };
        foreach (var (name, value) in call.PathResources)
        {
            request.AddPathResource(name, value);
        }

        foreach (var (name, value) in call.Headers)
        {
            request.Headers[name] = value;
        }

        if (credentials.UseToken)
        {
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        AWSCredentials identity = credentials.UseToken
            ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
            : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey);
        new AWS4Signer().Sign(request, new SigningConfig(call.Service, region, endpoint), null, identity);

        var message = new HttpRequestMessage(new HttpMethod(call.Method), AmazonServiceClient.ComposeUrl(request))
        {
            Content = new ByteArrayContent(call.Body),
        };
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>The URL a call goes to (the same composition the signer used).</summary>
    public static Uri Url(AwsRequest call, Uri endpoint)
    {
        var request = new DefaultRequest(new SignedCall(), call.Service) { Endpoint = endpoint, ResourcePath = call.ResourcePath };
        foreach (var (name, value) in call.PathResources)
        {
            request.AddPathResource(name, value);
        }

        return AmazonServiceClient.ComposeUrl(request);
    }

    private sealed class SignedCall : AmazonWebServiceRequest;
}
