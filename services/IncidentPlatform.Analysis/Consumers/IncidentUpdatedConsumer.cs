using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Analysis.Consumers;

/// <summary>Re-analyzes an incident after a significant change (severity up, a new template, reopened), once per version.</summary>
internal sealed class IncidentUpdatedConsumer(AnalysisRunner runner) : IConsumer<IncidentUpdated>
{
    public Task Consume(ConsumeContext<IncidentUpdated> context)
    {
        var message = context.Message;
        if (!message.Significant)
        {
            return Task.CompletedTask;
        }

        return runner.RunAsync(message.IncidentId, $"analysis:incident:{message.IncidentId}:v{message.Incident.Version}",
            force: false, skip: Skip, context, context.CancellationToken);
    }

    private static string? Skip(Incident incident) =>
        incident.Status == IncidentStatus.Resolved ? "it is resolved" : null;
}
