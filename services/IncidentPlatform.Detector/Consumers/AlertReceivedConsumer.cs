using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Telemetry;
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
        // Under MassTransit's consume span: the events published below continue the alert's trace.
        using var activity = DetectorTelemetry.Source.StartActivity("detector.correlate");
        activity?.SetTag("incidentplatform.alert_id", alert.Id);
        var outcome = await correlator.ApplyAsync(alert, context.CancellationToken);
        activity?.SetTag("incidentplatform.incident_id", outcome.Incident?.Id);
        activity?.SetTag("incidentplatform.correlation", outcome.Kind.ToString().ToLowerInvariant());
        await events.PublishAsync(outcome, context, context.CancellationToken);
        await correlator.CompleteAsync(alert, outcome, context.CancellationToken);
        CorrelationLog.Correlated(logger, alert.Id, alert.Source, outcome.Kind, outcome.Incident?.Id, string.Join(",", outcome.Changes));
    }
}
