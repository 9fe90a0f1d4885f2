using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// AWS credentials: the configured access key when there is one, else AWSSDK.Core's standard chain (environment
/// variables, shared profile, web identity, container and instance roles), which also refreshes temporary credentials.
/// </summary>
internal sealed class AwsCredentialSource(IOptions<AwsOptions> options)
{
    private readonly Lazy<AWSCredentials?> _configured = new(() => FromOptions(options.Value));
    private AWSCredentials? _chain;

    /// <summary>The credentials of a signed call; throws <see cref="AwsCallException"/> when none can be found.</summary>
    public async Task<ImmutableCredentials> GetAsync(ClientConfig config, CancellationToken cancellationToken)
    {
        var credentials = await ResolveAsync(config, cancellationToken);
        try
        {
            return await credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException e)
        {
            throw NoCredentials(e);
        }
    }

    /// <summary>The credentials for an SDK client (which refreshes them itself); throws <see cref="AwsCallException"/> when none can be found.</summary>
    public async Task<AWSCredentials> ResolveAsync(ClientConfig config, CancellationToken cancellationToken)
    {
        try
        {
            return _configured.Value ??
                   (_chain ??= await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(config, cancellationToken));
        }
        catch (AmazonClientException e)
        {
            throw NoCredentials(e);
        }
    }

    private static AwsCallException NoCredentials(AmazonClientException e) => new("ResolveCredentials", 0, "NoCredentials",
        $"no AWS credentials (set {AwsOptions.Section}:AccessKeyId/SecretAccessKey or configure the standard chain): {e.Message}", 1);

    private static AWSCredentials? FromOptions(AwsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AccessKeyId) || string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.SessionToken)
            ? new BasicAWSCredentials(options.AccessKeyId.Trim(), options.SecretAccessKey.Trim())
            : new SessionAWSCredentials(options.AccessKeyId.Trim(), options.SecretAccessKey.Trim(), options.SessionToken.Trim());
    }
}
