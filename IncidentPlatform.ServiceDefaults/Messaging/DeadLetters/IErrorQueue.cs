namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>The transport's error queues, where MassTransit moves a message that exhausted its retries.</summary>
public interface IErrorQueue
{
    /// <summary>Takes the message with <paramref name="messageId"/> out of <c>&lt;queue&gt;_error</c>; false when it is not there.</summary>
    Task<bool> RemoveAsync(string queue, string messageId, CancellationToken cancellationToken);
}

/// <summary>
/// The in-memory transport's error queues live in the process and end with it; the durable record of a dead letter on
/// the standalone host is the store's (<see cref="IDeadLetterStore"/>), so there is nothing to take out here.
/// </summary>
internal sealed class InMemoryErrorQueue : IErrorQueue
{
    public Task<bool> RemoveAsync(string queue, string messageId, CancellationToken cancellationToken) => Task.FromResult(false);
}
