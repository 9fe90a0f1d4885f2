namespace IncidentPlatform.Store;

/// <summary>Atomic counters with a window (rate limits, runs per hour, spend caps), shared by replicas.</summary>
public interface ICounterStore
{
    /// <summary>
    /// Adds <paramref name="by"/> and returns the new value. A counter that did not exist starts at zero and expires
    /// <paramref name="window"/> (positive) after that first increment (a fixed window: later increments do not move it).
    /// </summary>
    Task<long> IncrementAsync(string key, long by, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>The current value (0 when absent or expired).</summary>
    Task<long> GetAsync(string key, CancellationToken cancellationToken = default);
}
