namespace IncidentPlatform.Analysis.Providers;

/// <summary>
/// Authenticates to the Anthropic API as its documentation says: the key in <c>x-api-key</c> and
/// <c>anthropic-version: 2023-06-01</c>. (Anthropic 13.11 would send the key as <c>Authorization: Bearer</c> with a
/// newer version date; the client is built without a key so that only this header carries it.)
/// </summary>
internal sealed class AnthropicApiHeadersHandler(string apiKey) : DelegatingHandler
{
    public const string ApiVersion = "2023-06-01";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        request.Headers.Remove("x-api-key");
        request.Headers.Remove("anthropic-version");
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        return base.SendAsync(request, cancellationToken);
    }
}
