using Amazon.Runtime;
using Anthropic.Bedrock;

namespace IncidentPlatform.Analysis.Providers;

/// <summary>
/// Signs Bedrock requests (SigV4, service <c>bedrock</c>) with credentials from AWSSDK.Core — configured keys or the
/// default credential chain (environment, profiles, SSO, container and instance roles) — read for every request, so
/// refreshing temporary credentials keep working. A session token is sent as <c>X-Amz-Security-Token</c> and signed
/// with the other headers by Anthropic.Bedrock's signer.
/// </summary>
internal sealed class AwsSigV4Credentials(string region, Func<Task<AWSCredentials>> credentials) : IAnthropicBedrockCredentials
{
    private readonly Lock _lock = new();
    private Task<AWSCredentials>? _resolving;

    public string Region => region;

    public async Task Apply(HttpRequestMessage requestMessage)
    {
        var resolved = await (await Resolve()).GetCredentialsAsync();
        if (resolved.UseToken)
        {
            requestMessage.Headers.Remove("X-Amz-Security-Token");
            requestMessage.Headers.TryAddWithoutValidation("X-Amz-Security-Token", resolved.Token);
        }

        var signer = new AnthropicBedrockPrivateKeyCredentials { Region = region, ApiAccessKey = resolved.AccessKey, ApiSecret = resolved.SecretKey };
        await signer.Apply(requestMessage);
    }

    // Found once and reused (the SDK's credentials refresh themselves); a failed search is tried again next time.
    private Task<AWSCredentials> Resolve()
    {
        lock (_lock)
        {
            if (_resolving is null || _resolving.IsFaulted || _resolving.IsCanceled)
            {
                _resolving = credentials();
            }

            return _resolving;
        }
    }
}
