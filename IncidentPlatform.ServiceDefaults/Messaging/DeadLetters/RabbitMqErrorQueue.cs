using RabbitMQ.Client;

namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>
/// RabbitMQ's <c>&lt;queue&gt;_error</c> queues over AMQP with the RabbitMQ.Client that MassTransit already brings (no
/// management plugin or HTTP API needed): the queue is read with <c>basic.get</c> up to its length; the message with the
/// id is acknowledged (removed), and closing the channel puts every other one back.
/// </summary>
internal sealed class RabbitMqErrorQueue(RabbitMqEndpoint endpoint) : IErrorQueue
{
    public async Task<bool> RemoveAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = endpoint.Host, Port = endpoint.Port, VirtualHost = endpoint.VirtualHost, UserName = endpoint.Username,
            Password = endpoint.Password, Ssl = { Enabled = endpoint.UseTls, ServerName = endpoint.Host },
            ClientProvidedName = "incidentplatform-dead-letters",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var name = queue + "_error";
        var length = (await channel.QueueDeclarePassiveAsync(name, cancellationToken)).MessageCount;
        for (var i = 0u; i < length; i++)
        {
            if (await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            if (string.Equals(message.BasicProperties.MessageId, messageId, StringComparison.OrdinalIgnoreCase))
            {
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                return true;
            }
        }

        return false; // Closing the channel returns the messages read but not acknowledged.
    }
}
