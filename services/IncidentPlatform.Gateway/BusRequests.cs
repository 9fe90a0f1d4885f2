using MassTransit;

namespace IncidentPlatform.Gateway;

/// <summary>
/// Sends a command over the bus and waits (bounded) for the owning service's answer, turning "no answer" into
/// 503 problem details (REST) or a null answer (MCP tools) rather than an error page.
/// </summary>
internal static class BusRequests
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<(TResponse? Response, IResult? Problem)> SendAsync<TRequest, TResponse>(
        IRequestClient<TRequest> client, TRequest request, CancellationToken cancellationToken)
        where TRequest : class where TResponse : class
    {
        var response = await TrySendAsync<TRequest, TResponse>(client, request, cancellationToken);
        return response is not null
            ? (response, null)
            : (null, Problems.Result(StatusCodes.Status503ServiceUnavailable, "No answer", NoAnswer));
    }

    /// <summary>The answer, or null when the owning service did not answer in time.</summary>
    public static async Task<TResponse?> TrySendAsync<TRequest, TResponse>(
        IRequestClient<TRequest> client, TRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where TRequest : class where TResponse : class
    {
        try
        {
            var seconds = (int)Math.Ceiling((timeout ?? Timeout).TotalSeconds);
            var response = await client.GetResponse<TResponse>(request, cancellationToken, RequestTimeout.After(s: seconds));
            return response.Message;
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }

    public const string NoAnswer =
        "The service that owns this change did not answer in time; nothing is known to have changed. Retry later.";
}
