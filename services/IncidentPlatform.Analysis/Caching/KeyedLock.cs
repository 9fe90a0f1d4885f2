namespace IncidentPlatform.Analysis.Caching;

/// <summary>
/// One async lock per key, created on demand and dropped when nobody holds or waits for it. The pipeline takes the
/// fingerprint's lock around a model call, so a burst of incidents with the same failure asks the model once and the
/// others read its answer from the cache (single flight, within a replica).
/// </summary>
internal sealed class KeyedLock
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_locks)
        {
            var entry = _locks.TryGetValue(key, out var found) ? found : (new SemaphoreSlim(1, 1), 0);
            _locks[key] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key);
            throw;
        }

        return new Releaser(this, key, gate);
    }

    private void Leave(string key)
    {
        lock (_locks)
        {
            var (gate, users) = _locks[key];
            if (users == 1)
            {
                _locks.Remove(key);
                gate.Dispose();
            }
            else
            {
                _locks[key] = (gate, users - 1);
            }
        }
    }

    private sealed class Releaser(KeyedLock owner, string key, SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
                owner.Leave(key);
            }
        }
    }
}
