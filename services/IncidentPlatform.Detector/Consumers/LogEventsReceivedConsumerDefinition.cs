using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Retries transient failures (the store loading a source's state) for about a minute, then the error queue.</summary>
internal sealed class LogEventsReceivedConsumerDefinition : ConsumerDefinition<LogEventsReceivedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LogEventsReceivedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(
            TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15),
            TimeSpan.FromSeconds(30)));
}
