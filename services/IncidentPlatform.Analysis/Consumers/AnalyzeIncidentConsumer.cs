using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Analysis.Consumers;

/// <summary>
/// Analyzes an incident on request (<see cref="AnalyzeIncident.Force"/> bypasses the cache). When sent as a request it
/// answers with <see cref="IncidentCommandResult"/>: the incident with its analysis, or 404.
/// </summary>
internal sealed class AnalyzeIncidentConsumer(AnalysisRunner runner, IncidentPlatform.Store.IIncidentStore store) : IConsumer<AnalyzeIncident>
{
    public async Task Consume(ConsumeContext<AnalyzeIncident> context)
    {
        var message = context.Message;
        var claim = context.MessageId is { } id
            ? $"analysis:command:{id:N}"
            : $"analysis:command:{message.IncidentId}:{message.OccurredAt.UtcTicks}:{message.RequestedBy}";
        var stored = await runner.RunAsync(message.IncidentId, claim, message.Force, skip: _ => null, context, context.CancellationToken,
            (message.RequestedBy, message.RequestedById));
        if (context.ResponseAddress is null)
        {
            return;
        }

        // A redelivered request is answered with the incident as it is now.
        var incident = stored ?? await store.GetAsync(message.IncidentId, context.CancellationToken);
        await context.RespondAsync(incident is null
            ? new IncidentCommandResult { Accepted = false, Status = 404, Error = $"Incident {message.IncidentId} not found." }
            : new IncidentCommandResult { Accepted = true, Incident = incident });
    }
}
