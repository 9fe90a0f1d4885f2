using System.Collections.Concurrent;
using System.Text;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// The AWS SDK's EC2 and SSM clients, made on first use from <see cref="AwsOptions"/>: the region, the endpoint the
/// records name (the configured override or the regional one), the configured key or AWSSDK.Core's credential chain,
/// and the SDK's own retries off so that <see cref="AwsRetries"/> decides what is sent again.
/// </summary>
internal sealed class AwsServiceClients(IOptions<AwsOptions> options, AwsCredentialSource credentials, AwsRetries retries) : IDisposable
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private readonly ConcurrentDictionary<string, AmazonServiceClient> _clients = new(StringComparer.Ordinal);

    /// <summary>Runs an EC2 call (a write: never resent once it may have arrived).</summary>
    public async Task<T> Ec2Async<T>(string operation, Func<IAmazonEC2, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = await ClientAsync("ec2", new AmazonEC2Config(), (c, config) => new AmazonEC2Client(c, config), cancellationToken);
        return await SendAsync(operation, token => call(client, token), cancellationToken);
    }

    /// <summary>Runs an SSM call (a write: never resent once it may have arrived).</summary>
    public async Task<T> SsmAsync<T>(
        string operation, Func<IAmazonSimpleSystemsManagement, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = await ClientAsync("ssm", new AmazonSimpleSystemsManagementConfig(),
            (c, config) => new AmazonSimpleSystemsManagementClient(c, config), cancellationToken);
        return await SendAsync(operation, token => call(client, token), cancellationToken);
    }

    /// <summary>
    /// The record of a request as the SDK's marshaller wrote it (the one its client sends with): method, URL, headers
    /// and body, nothing secret. A Query-protocol request (EC2) gets the form content type the client adds when sending.
    /// </summary>
    public string Describe(string service, IRequest request)
    {
        var region = options.Value.EffectiveRegion ?? AwsRecord.NoRegion;
        request.Endpoint = options.Value.Endpoint(service, region);
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        if (request.ParameterCollection.Count > 0)
        {
            headers.TryAdd("Content-Type", FormContentType);
        }

        var body = "";
        if (request.ContentStream is { } stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            body = reader.ReadToEnd();
        }
        else if (request.Content is { } content)
        {
            body = Encoding.UTF8.GetString(content);
        }

        return AwsRecord.Describe(request.HttpMethod, AmazonServiceClient.ComposeUrl(request), headers, region, service, body);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private Task<T> SendAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        retries.RunAsync(operation, idempotent: false, async token =>
        {
            try
            {
                return await call(token);
            }
            catch (HttpRequestException e)
            {
                throw AwsCallException.Network(operation, e);
            }
            catch (AmazonServiceException e) when (e.InnerException is HttpRequestException network)
            {
                throw AwsCallException.Network(operation, network);
            }
            catch (AmazonServiceException e)
            {
                throw new AwsCallException(operation, (int)e.StatusCode, e.ErrorCode ?? "UnknownError", e.Message, 1);
            }
            catch (AmazonClientException e)
            {
                throw new AwsCallException(operation, 0, "ClientError", e.Message, 1);
            }
        }, cancellationToken);

    private async Task<TClient> ClientAsync<TClient, TConfig>(
        string service, TConfig config, Func<AWSCredentials, TConfig, TClient> create, CancellationToken cancellationToken)
        where TClient : AmazonServiceClient
        where TConfig : ClientConfig
    {
        if (_clients.TryGetValue(service, out var existing))
        {
            return (TClient)existing;
        }

        var region = options.Value.RequireRegion();
        config.ServiceURL = options.Value.Endpoint(service, region).ToString();
        config.AuthenticationRegion = region;
        config.MaxErrorRetry = 0;
        config.IgnoreConfiguredEndpointUrls = true; // the endpoint is ours (Remediation:Aws:Endpoints), as the records say
        var client = create(await credentials.ResolveAsync(config, cancellationToken), config);
        if (_clients.TryAdd(service, client))
        {
            return client;
        }

        client.Dispose();
        return (TClient)_clients[service];
    }
}
