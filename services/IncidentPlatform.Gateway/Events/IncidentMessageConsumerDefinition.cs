using MassTransit;

namespace IncidentPlatform.Gateway.Events;

/// <summary>
/// A temporary endpoint per gateway instance (auto-deleted queue, a fresh instance id in its name): every replica, and
/// every gateway module in one process, receives every event, unlike the competing consumers of a shared queue.
/// </summary>
internal sealed class IncidentMessageConsumerDefinition : ConsumerDefinition<IncidentMessageConsumer>
{
    public IncidentMessageConsumerDefinition()
    {
        InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}".ToLowerInvariant();
        Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = InstanceId;
        });
    }

    /// <summary>This instance's suffix of the endpoint name.</summary>
    public string InstanceId { get; }
}
