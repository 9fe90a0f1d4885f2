using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>
/// No retries: a request answers with its own error (a failed search is a 502 answer, not an exception), and the
/// requester is waiting — a retry after it gave up would only search again for nobody.
/// </summary>
internal sealed class RunDetectionConsumerDefinition : ConsumerDefinition<RunDetectionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RunDetectionConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.None());
}
