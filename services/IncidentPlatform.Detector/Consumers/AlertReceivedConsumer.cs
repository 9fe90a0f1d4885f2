using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>Correlates each accepted alert into its incident and announces what changed.</summary>
internal sealed class AlertReceivedConsumer(IncidentCorrelator correlator, TimeProvider time, ILogger<AlertReceivedConsumer> logger)
    : IConsumer<AlertReceived>
{
    public async Task Consume(ConsumeContext<AlertReceived> context)
    {
        var alert = context.Message.Alert;
        var outcome = await correlator.ApplyAsync(alert, context.CancellationToken);
        var incident = outcome.Incident;
        var now = time.GetUtcNow();

        if (outcome.Opened)
        {
            logger.LogInformation("Alert {AlertId} opened incident {IncidentId}", alert.Id, incident.Id);
            await context.Publish(new IncidentOpened { IncidentId = incident.Id, OccurredAt = now, Incident = incident });
        }
        else if (!outcome.Duplicate)
        {
            logger.LogInformation("Alert {AlertId} updated incident {IncidentId} ({Changes})", alert.Id, incident.Id,
                string.Join(",", outcome.Changes));
            await context.Publish(new IncidentUpdated
            {
                IncidentId = incident.Id,
                OccurredAt = now,
                Incident = incident,
                Changes = outcome.Changes,
                Significant = outcome.Significant,
            });
        }
        else
        {
            logger.LogInformation("Alert {AlertId} was already applied to incident {IncidentId}", alert.Id, incident.Id);
        }
    }
}
