using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Incidents;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Answers <see cref="AcknowledgeIncident"/> requests with an <see cref="IncidentCommandResult"/>.</summary>
internal sealed class AcknowledgeIncidentConsumer(IncidentCommands commands) : IConsumer<AcknowledgeIncident>
{
    public async Task Consume(ConsumeContext<AcknowledgeIncident> context) =>
        await context.RespondAsync(await commands.AcknowledgeAsync(context.Message, context, context.CancellationToken));
}
