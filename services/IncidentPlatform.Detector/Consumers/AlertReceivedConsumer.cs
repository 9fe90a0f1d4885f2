using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using MassTransit;

namespace IncidentPlatform.Detector.Consumers;

/// <summary>
/// Correlates each accepted alert into its incident and announces what changed. A redelivery changes nothing twice and
/// announces nothing twice: the correlator remembers how far each alert got.
/// </summary>
internal sealed class AlertReceivedConsumer(IncidentCorrelator correlator, IncidentEvents events, ILogger<AlertReceivedConsumer> logger)
    : IConsumer<AlertReceived>
{
    public async Task Consume(ConsumeContext<AlertReceived> context)
    {
        var alert = context.Message.Alert;
        var outcome = await correlator.ApplyAsync(alert, context.CancellationToken);
        await events.PublishAsync(outcome, context, context.CancellationToken);
        await correlator.CompleteAsync(alert, outcome, context.CancellationToken);
        logger.LogInformation("Alert {AlertId} from {Source}: {Outcome} incident {IncidentId} ({Changes})", alert.Id, alert.Source,
            outcome.Kind, outcome.Incident?.Id, string.Join(",", outcome.Changes));
    }
}
