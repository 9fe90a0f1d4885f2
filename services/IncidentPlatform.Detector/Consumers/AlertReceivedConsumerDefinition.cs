using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>
/// Retries transient failures (a store outage) for about two minutes; after that the message goes to the endpoint's
/// error queue, from where it can be moved back — it is never dropped.
/// </summary>
internal sealed class AlertReceivedConsumerDefinition : ConsumerDefinition<AlertReceivedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AlertReceivedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(
            TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15),
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)));
    }
}
