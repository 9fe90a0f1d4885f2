using IncidentPlatform.Contracts;
using MassTransit;

namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// Raises a demo fault's alarm as <see cref="AlertReceived"/> on the bus, the way the gateway passes on a webhook alert,
/// so it is correlated, analysed and remediated like any other. A bus that refuses costs the demo one alarm, nothing else.
/// </summary>
internal sealed class DemoAlarms(IBus bus, ILogger<DemoAlarms> logger)
{
    public async Task RaiseAsync(DemoFault fault, long occurrence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (fault.Alarm is not { } alarm)
        {
            return;
        }

        var alert = alarm.ToAlert(fault.Service, occurrence, at);
        try
        {
            await bus.Publish(new AlertReceived { AlertId = alert.Id, OccurredAt = at, Alert = alert }, cancellationToken);
            logger.LogInformation("Demo: alarm {Alarm} fired for {Service}", alarm.Name, fault.Service);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Demo: alarm {Alarm} could not be published: {Error}", alarm.Name, e.Message);
        }
    }
}
