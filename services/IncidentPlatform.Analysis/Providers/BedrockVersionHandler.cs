namespace IncidentPlatform.Analysis.Providers;

/// <summary>
/// Anthropic.Bedrock 1.0.5 copies the request's <c>anthropic-version</c> header (the Anthropic API's version, set by
/// the core SDK) into the Bedrock body's <c>anthropic_version</c>, but Bedrock's InvokeModel documents
/// <c>"anthropic_version": "bedrock-2023-05-31"</c> for the Messages API. This handler, which the SDK runs before its
/// Bedrock adaptation and signing, sets the header to the Bedrock value so the signed body carries it.
/// </summary>
internal sealed class BedrockVersionHandler : DelegatingHandler
{
    public const string BedrockAnthropicVersion = "bedrock-2023-05-31";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("anthropic-version");
        request.Headers.TryAddWithoutValidation("anthropic-version", BedrockAnthropicVersion);
        return base.SendAsync(request, cancellationToken);
    }
}
