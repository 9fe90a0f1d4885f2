using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Anthropic;
using Anthropic.Bedrock;
using Anthropic.Core;
using IncidentPlatform.Analysis.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Providers;

/// <summary>Builds the configured model providers (<c>Analysis:Providers</c>) as <see cref="IChatClient"/>s.</summary>
internal static class ModelChainFactory
{
    public static ModelChain Create(IOptions<AnalysisOptions> options)
    {
        var o = options.Value;
        var providers = ProviderNames.ModelChain(o.Providers).Select(name => name switch
        {
            ProviderNames.Bedrock => Bedrock(o),
            ProviderNames.Anthropic => Anthropic(o),
            _ => throw new InvalidOperationException($"Unknown provider '{name}' passed validation."),
        }).ToList();
        return new ModelChain(providers);
    }

    /// <summary>Claude on Bedrock through Anthropic.Bedrock: SigV4 with the configured keys or the AWS credential chain,
    /// <c>https://bedrock-runtime.{region}.amazonaws.com</c> unless <c>Analysis:Bedrock:Endpoint</c> says otherwise.</summary>
    public static ModelProvider Bedrock(AnalysisOptions o)
    {
        var bedrock = o.Bedrock;
        var region = bedrock.Region!.Trim();
        Func<Task<AWSCredentials>> source = string.IsNullOrWhiteSpace(bedrock.AccessKeyId)
            ? () => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null)
            : () => Task.FromResult<AWSCredentials>(string.IsNullOrWhiteSpace(bedrock.SessionToken)
                ? new BasicAWSCredentials(bedrock.AccessKeyId, bedrock.SecretAccessKey)
                : new SessionAWSCredentials(bedrock.AccessKeyId, bedrock.SecretAccessKey, bedrock.SessionToken));
        var client = new AnthropicBedrockClient(new AwsSigV4Credentials(region, source)).WithOptions(options => options with
        {
            BaseUrl = string.IsNullOrWhiteSpace(bedrock.Endpoint) ? options.BaseUrl : bedrock.Endpoint.Trim().TrimEnd('/'),
            HttpClient = NewHttpClient(),
            Handlers = [new BedrockVersionHandler()],
            MaxRetries = 0,
            Timeout = o.Timeout,
        });
        var model = bedrock.Model!.Trim();
        return new ModelProvider(ProviderNames.Bedrock, model, client.AsIChatClient(model, o.MaxOutputTokens));
    }

    /// <summary>Claude through the Anthropic API (<c>POST /v1/messages</c>).</summary>
    public static ModelProvider Anthropic(AnalysisOptions o)
    {
        var anthropic = o.Anthropic;
        var client = new AnthropicClient(new ClientOptions
        {
            // No key here: AnthropicApiHeadersHandler sends it, as x-api-key, and nothing is read from the environment.
            ApiKey = null,
            BaseUrl = string.IsNullOrWhiteSpace(anthropic.BaseUrl) ? "https://api.anthropic.com" : anthropic.BaseUrl.Trim().TrimEnd('/'),
            HttpClient = NewHttpClient(),
            Handlers = [new AnthropicApiHeadersHandler(anthropic.ApiKey!.Trim())],
            MaxRetries = 0,
            Timeout = o.Timeout,
        });
        var model = anthropic.Model!.Trim();
        return new ModelProvider(ProviderNames.Anthropic, model, client.AsIChatClient(model, o.MaxOutputTokens));
    }

    // The analysis's own time limit governs (Analysis:Timeout); the fallback chain replaces retries.
    private static HttpClient NewHttpClient() => new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
