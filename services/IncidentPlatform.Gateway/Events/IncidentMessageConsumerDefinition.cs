using MassTransit;

namespace IncidentPlatform.Gateway.Events;

/// <summary>
/// A temporary endpoint per gateway instance (auto-deleted queue, instance id in its name): every replica receives every
/// event, unlike the competing consumers of a shared queue.
/// </summary>
internal sealed class IncidentMessageConsumerDefinition : ConsumerDefinition<IncidentMessageConsumer>
{
    public static readonly string InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    public IncidentMessageConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = InstanceId;
        });
    }
}
