using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>
/// A consumer definition that retries failed deliveries in process at the given intervals (milliseconds); there is no
/// delayed-redelivery plugin on our RabbitMQ. Every consumer here is idempotent, so a retry changes nothing twice.
/// </summary>
internal abstract class RetryingConsumerDefinition<TConsumer>(params int[] intervals) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(intervals));
}
