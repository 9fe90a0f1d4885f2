using MassTransit;

namespace IncidentPlatform.Gateway;

/// <summary>
/// Sends a command over the bus and waits (bounded) for the owning service's answer, turning "no answer" into
/// 503 problem details rather than an error page.
/// </summary>
internal static class BusRequests
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<(TResponse? Response, IResult? Problem)> SendAsync<TRequest, TResponse>(
        IRequestClient<TRequest> client, TRequest request, CancellationToken cancellationToken)
        where TRequest : class where TResponse : class
    {
        try
        {
            var response = await client.GetResponse<TResponse>(request, cancellationToken, RequestTimeout.After(s: (int)Timeout.TotalSeconds));
            return (response.Message, null);
        }
        catch (RequestTimeoutException)
        {
            return (null, Problems.Result(StatusCodes.Status503ServiceUnavailable, "No answer",
                "The service that owns this change did not answer in time; nothing is known to have changed. Retry later."));
        }
    }
}
