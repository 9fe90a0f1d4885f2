using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>What an operator (scope admin) does with a dead letter: send it again to its queue, or discard it.</summary>
public sealed class DeadLetterOperator(IDeadLetterStore store, IErrorQueue errorQueue, IBus bus)
{
    /// <summary>The dead letters, oldest first.</summary>
    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) => store.ListAsync(limit, cancellationToken);

    /// <summary>
    /// Sends the message again to the queue it failed on (same message id, so an idempotent consumer still recognises
    /// it), takes it out of the error queue and forgets the record. Null when there is no such dead letter; throws
    /// <see cref="DeadLetterException"/> when its body cannot be read back into a message.
    /// </summary>
    public async Task<DeadLetter?> RedeliverAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } deadLetter)
        {
            return null;
        }

        var (message, type) = Read(deadLetter);
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{deadLetter.Queue}"));
        await endpoint.Send(message, type, Pipe.Execute<SendContext>(context =>
        {
            if (Guid.TryParse(deadLetter.MessageId, out var messageId))
            {
                context.MessageId = messageId;
            }
        }), cancellationToken);
        await ForgetAsync(deadLetter, cancellationToken);
        return deadLetter;
    }

    /// <summary>Takes the message out of the error queue and forgets it; null when there is no such dead letter.</summary>
    public async Task<DeadLetter?> DiscardAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } deadLetter)
        {
            return null;
        }

        await ForgetAsync(deadLetter, cancellationToken);
        return deadLetter;
    }

    private async Task ForgetAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        if (deadLetter.MessageId is { } messageId)
        {
            await errorQueue.RemoveAsync(deadLetter.Queue, messageId, cancellationToken);
        }

        await store.DeleteAsync(deadLetter.Id, cancellationToken);
    }

    // The envelope's first message type names the contract (urn:message:<namespace>:<type>, the assembly named as its
    // namespace, as every contract here is); its "message" is read back with MassTransit's own serializer options.
    private static (object Message, Type Type) Read(DeadLetter deadLetter)
    {
        var urn = deadLetter.MessageTypes.FirstOrDefault() ?? "";
        var parts = urn.Split(':');
        var type = parts.Length == 4 && parts[0] == "urn" && parts[1] == "message"
            ? Type.GetType($"{parts[2]}.{parts[3]}, {parts[2]}")
            : null;
        if (type is null)
        {
            throw new DeadLetterException($"the message type '{urn}' is not known here, so the message cannot be sent again");
        }

        try
        {
            using var envelope = JsonDocument.Parse(deadLetter.Body);
            var message = envelope.RootElement.GetProperty("message").Deserialize(type, SystemTextJsonMessageSerializer.Options);
            return (message ?? throw new DeadLetterException("the dead letter's message is empty"), type);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            throw new DeadLetterException($"the dead letter's body is not a readable {type.Name}: {e.Message}");
        }
    }
}

/// <summary>A dead letter that cannot be acted on as asked (its body or type cannot be read back).</summary>
public sealed class DeadLetterException(string message) : Exception(message);
