using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Analysis.Consumers;

/// <summary>Analyzes every newly opened incident (once per incident version).</summary>
internal sealed class IncidentOpenedConsumer(AnalysisRunner runner) : IConsumer<IncidentOpened>
{
    public Task Consume(ConsumeContext<IncidentOpened> context)
    {
        var message = context.Message;
        return runner.RunAsync(message.IncidentId, $"analysis:incident:{message.IncidentId}:v{message.Incident.Version}",
            force: false, skip: _ => null, context, context.CancellationToken);
    }
}
