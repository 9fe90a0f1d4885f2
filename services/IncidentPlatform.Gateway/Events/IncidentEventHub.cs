using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IncidentPlatform.Gateway.Events;

/// <summary>
/// Fans incident events out to the connected SSE clients of this gateway instance. Each client has a bounded queue;
/// a client too slow to keep up loses its oldest events (the UI refetches on every event, so it catches up).
/// </summary>
internal sealed class IncidentEventHub
{
    public const int QueueLength = 256;
    private readonly ConcurrentDictionary<Guid, Channel<IncidentEvent>> _clients = new();

    public int Clients => _clients.Count;

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<IncidentEvent>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        _clients[id] = channel;
        return new Subscription(channel.Reader, () => _clients.TryRemove(id, out _));
    }

    public void Publish(IncidentEvent incidentEvent)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(incidentEvent);
        }
    }

    /// <summary>A client's event queue; dispose to unsubscribe.</summary>
    public sealed class Subscription(ChannelReader<IncidentEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<IncidentEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
