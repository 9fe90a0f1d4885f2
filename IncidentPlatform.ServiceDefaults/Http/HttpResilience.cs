using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>
/// How outgoing HTTP is retried. Every client gets the standard resilience handler (rate limiter, 30 s total timeout,
/// retries with jittered back-off honouring <c>Retry-After</c>, circuit breaker, 10 s per attempt), retrying only what
/// is safe to send again; a client whose caller retries on its own terms opts out with <see cref="WithoutRetries"/>.
/// </summary>
public static class HttpResilience
{
    /// <summary>
    /// The configuration section of the handler's options (<c>Http:Resilience:Retry:MaxRetryAttempts</c>,
    /// <c>…:AttemptTimeout:Timeout</c>, <c>…:TotalRequestTimeout:Timeout</c>, <c>…:CircuitBreaker:BreakDuration</c>…).
    /// </summary>
    public const string Section = "Http:Resilience";

    /// <summary>
    /// The options from <see cref="Section"/>, retrying a transient failure (network error, timeout, 408, 429, 5xx) of
    /// an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE, TRACE); a POST or PATCH only when the server certainly did
    /// not act on it: a refused connection, 429 or 503. A POST answered 500, or cut off mid-way, may have been applied,
    /// so it is not sent again.
    /// </summary>
    public static void RetryOnlyWhatIsSafe(HttpStandardResilienceOptions options, IServiceProvider services)
    {
        Bind(options, services);
        options.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()));
    }

    /// <summary>
    /// Replaces the default handler of this client with one that never retries, keeping its timeouts and circuit
    /// breaker: for calls that are not idempotent and whose caller has its own retry rules (a remediation action on
    /// AWS, a notification with its idempotency key, a reply to Slack's one-use <c>response_url</c>).
    /// </summary>
    public static IHttpClientBuilder WithoutRetries(this IHttpClientBuilder client)
    {
        // The documented way to replace the handler ConfigureHttpClientDefaults added (still marked experimental).
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler()
            .Configure((options, services) =>
            {
                Bind(options, services);
                options.Retry.ShouldHandle = static _ => PredicateResult.False();
            })
            .SelectPipelineByAuthority();
        return client;
    }

    private static void Bind(HttpStandardResilienceOptions options, IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetSection(Section).Bind(options);

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        var method = request?.Method ?? outcome.Result?.RequestMessage?.Method;
        if (method is null || IsIdempotent(method))
        {
            return true;
        }

        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ||
               outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put ||
        method == HttpMethod.Delete || method == HttpMethod.Trace;
}
