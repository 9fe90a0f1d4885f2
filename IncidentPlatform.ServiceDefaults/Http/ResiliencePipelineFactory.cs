using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IncidentPlatform.ServiceDefaults.Http;

/// <summary>
/// The standard pipeline for outgoing HTTP: total timeout → retry (exponential, jittered, honouring
/// <c>Retry-After</c>) → circuit breaker → per-attempt timeout. Unsafe methods (POST, PATCH) are retried only when the
/// server certainly did not act on them: a refused connection, 429, or 503.
/// </summary>
public static class ResiliencePipelineFactory
{
    /// <summary>Set on a request to send it exactly once (callers with their own retry and idempotency logic).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("IncidentPlatform.NoRetry");

    /// <summary>The request being sent, carried in the resilience context so failures without a response know it.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("IncidentPlatform.Request");

    /// <summary>Builds the pipeline from the options.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider? time = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (time is not null)
        {
            builder.TimeProvider = time;
        }

        return builder
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 &&
                    ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        request ??= outcome.Result?.RequestMessage;
        if (request is not null && request.Options.TryGetValue(NoRetry, out var once) && once)
        {
            return false;
        }

        if (!IsTransient(outcome))
        {
            return false;
        }

        var method = request?.Method;
        var safe = method is null || method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
                   method == HttpMethod.Put || method == HttpMethod.Delete;
        if (safe)
        {
            return true;
        }

        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ||
               outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode is
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
