using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries a failed proposal run (store or broker hiccups); the proposal ids make a repeat harmless.</summary>
internal sealed class IncidentAnalyzedConsumerDefinition : ConsumerDefinition<IncidentAnalyzedConsumer>
{
    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<IncidentAnalyzedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(200, 1000, 5000, 15000));
}
