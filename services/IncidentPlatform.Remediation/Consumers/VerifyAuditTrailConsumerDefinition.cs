using MassTransit;

namespace IncidentPlatform.Remediation.Consumers;

/// <summary>Retries briefly: the caller is waiting for the answer.</summary>
internal sealed class VerifyAuditTrailConsumerDefinition : ConsumerDefinition<VerifyAuditTrailConsumer>
{
    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<VerifyAuditTrailConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500));
}
