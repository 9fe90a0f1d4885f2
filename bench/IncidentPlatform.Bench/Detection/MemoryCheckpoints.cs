using System.Collections.Concurrent;
using IncidentPlatform.Store;

namespace IncidentPlatform.Bench.Detection;

/// <summary>Checkpoints in memory: the benchmark measures tailing and detection, not the store.</summary>
internal sealed class MemoryCheckpoints : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_values.GetValueOrDefault(name));

    public Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }
}
