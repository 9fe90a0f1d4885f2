using MassTransit;

namespace IncidentPlatform.Notifier.Consumers;

/// <summary>
/// Retry for every notifier consumer: a delivery another consumer holds, or a store outage, is tried again with growing
/// intervals (the delivery itself retries vendor errors, so nothing here re-posts a sent message: the idempotency key
/// skips it).
/// </summary>
internal abstract class NotifierConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <summary>Deliveries wait on vendors and the store, not the CPU: several run at once per replica.</summary>
    public const int Concurrency = 16;

    protected NotifierConsumerDefinition() => ConcurrentMessageLimit = Concurrency;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
                TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
            r.Ignore<ArgumentException>();
        });
    }
}
