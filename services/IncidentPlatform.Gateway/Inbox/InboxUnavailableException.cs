namespace IncidentPlatform.Gateway.Inbox;

/// <summary>
/// The inbox cannot take a message now (the store refused the write, or in distributed mode the broker is not
/// connected): the sender is answered 503 with <c>Retry-After</c> and nothing was stored.
/// </summary>
internal sealed class InboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a sender should wait before retrying.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
}
