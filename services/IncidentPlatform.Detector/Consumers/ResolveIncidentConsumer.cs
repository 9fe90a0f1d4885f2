using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Incidents;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Answers <see cref="ResolveIncident"/> requests with an <see cref="IncidentCommandResult"/>.</summary>
internal sealed class ResolveIncidentConsumer(IncidentCommands commands) : IConsumer<ResolveIncident>
{
    public async Task Consume(ConsumeContext<ResolveIncident> context) =>
        await context.RespondAsync(await commands.ResolveAsync(context.Message, context, context.CancellationToken));
}
