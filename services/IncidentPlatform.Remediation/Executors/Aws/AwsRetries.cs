using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Executors.Aws;

/// <summary>
/// When an AWS call is sent again, for the SDK clients and the signed HTTP calls alike (the SDK's own retries are off):
/// a throttled call (refused for rate) or one that never reached AWS, with exponential backoff, up to
/// <see cref="AwsOptions.MaxRetries"/>; server errors and lost answers only for reads, since a write may have been
/// applied; other errors (access denied, validation) fail at once.
/// </summary>
internal sealed class AwsRetries(IOptions<AwsOptions> options, TimeProvider time, ILogger<AwsRetries> logger)
{
    /// <summary>
    /// Runs <paramref name="attempt"/> (which throws <see cref="AwsCallException"/> for a failed answer) until it
    /// succeeds or must not be sent again; the exception then counts the attempts.
    /// </summary>
    public async Task<T> RunAsync<T>(
        string operation, bool idempotent, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var sent = 1; ; sent++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (AwsCallException e) when (sent <= options.Value.MaxRetries && Retryable(e, idempotent))
            {
                var delay = options.Value.RetryDelay * Math.Pow(2, sent - 1);
                logger.LogWarning("AWS {Operation} answered {ErrorCode}; sending it again in {Delay} (attempt {Attempt})",
                    operation, e.Code, delay, sent + 1);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (AwsCallException e) when (sent > 1)
            {
                throw e.After(sent);
            }
        }
    }

    private static bool Retryable(AwsCallException e, bool idempotent) => e.Code == AwsCallException.NetworkError
        ? e.NotSent || idempotent
        : AwsErrors.IsThrottling(e.Status, e.Code) || (idempotent && e.Status >= 500);
}
