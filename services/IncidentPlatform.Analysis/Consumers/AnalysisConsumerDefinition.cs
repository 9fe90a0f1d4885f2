using MassTransit;

namespace IncidentPlatform.Analysis.Consumers;

/// <summary>
/// The analysis consumers' endpoint settings: transient failures (store, bus) retried in memory a few times (the bus
/// has no delayed redelivery), and a handful of messages at once per replica (model calls are limited separately by
/// the budget).
/// </summary>
internal abstract class AnalysisConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int ConcurrentAnalyses = 8;

    public static readonly TimeSpan[] RetryIntervals = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    protected AnalysisConsumerDefinition()
    {
        ConcurrentMessageLimit = ConcurrentAnalyses;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(RetryIntervals));
    }
}
