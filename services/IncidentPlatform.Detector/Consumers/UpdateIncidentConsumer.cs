using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Incidents;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Answers <see cref="UpdateIncident"/> requests with an <see cref="IncidentCommandResult"/>.</summary>
internal sealed class UpdateIncidentConsumer(IncidentCommands commands) : IConsumer<UpdateIncident>
{
    public async Task Consume(ConsumeContext<UpdateIncident> context) =>
        await context.RespondAsync(await commands.UpdateAsync(context.Message, context, context.CancellationToken));
}
