namespace IncidentPlatform.Store;

/// <summary>Durable checkpoints for pollers and tailers (last polled window end, file offsets).</summary>
public interface ICheckpointStore
{
    /// <summary>The checkpoint, or null.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores the checkpoint, replacing the previous one. Checkpoints do not expire.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken = default);
}
