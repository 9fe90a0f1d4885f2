using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>
/// Sends one request to a vendor exactly once (the client is registered <c>WithoutRetries</c>: the dispatcher retries,
/// with its idempotency key, so nothing posts twice behind its back) and classifies the answer.
/// </summary>
internal static class VendorHttp
{
    public const string ClientName = "notifier";

    /// <summary>A JSON POST request.</summary>
    public static HttpRequestMessage Json(HttpMethod method, Uri uri, JsonNode body) => new(method, uri)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    /// <summary>Sends; returns the status, the body text, and a result (success for 2xx).</summary>
    public static async Task<(SendResult Result, HttpStatusCode? Status, string Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (Classify(response, body), response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            return (SendResult.Transient($"{request.RequestUri?.Host}: {e.Message}"), null, "");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (SendResult.Transient($"{request.RequestUri?.Host}: timed out"), null, "");
        }
        finally
        {
            request.Dispose();
        }
    }

    private static SendResult Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return SendResult.Delivered();
        }

        var error = $"HTTP {status} {Snippet(body)}".TrimEnd();
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500
            ? SendResult.Transient(error, RetryAfter(response.Headers.RetryAfter))
            : SendResult.Permanent(error);
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    /// <summary>The answer parsed as JSON (a detached copy), or null when it is not JSON.</summary>
    public static JsonElement? ParseJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Snippet(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
