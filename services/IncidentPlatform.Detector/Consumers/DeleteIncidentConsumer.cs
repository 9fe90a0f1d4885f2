using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Incidents;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Answers <see cref="DeleteIncident"/> requests with an <see cref="IncidentCommandResult"/>.</summary>
internal sealed class DeleteIncidentConsumer(IncidentCommands commands) : IConsumer<DeleteIncident>
{
    public async Task Consume(ConsumeContext<DeleteIncident> context) =>
        await context.RespondAsync(await commands.DeleteAsync(context.Message, context, context.CancellationToken));
}
