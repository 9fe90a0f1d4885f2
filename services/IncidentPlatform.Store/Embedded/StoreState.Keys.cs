using System.Collections.Immutable;

namespace IncidentPlatform.Store.Embedded;

internal sealed partial class StoreState
{
    private readonly Dictionary<string, ImmutableList<string>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<KeyRef, KeyEntry> _keys = [];

    /// <summary>How many keys are held, expired ones not yet swept included.</summary>
    public int KeyCount => _keys.Count;

    public ImmutableList<string> Log(string stream) => _logs.GetValueOrDefault(stream) ?? [];

    /// <summary>The key's entry, or null when it is absent or expired.</summary>
    public KeyEntry? LiveKey(KeySpace space, string key, DateTimeOffset now) =>
        _keys.TryGetValue(new KeyRef(space, key), out var entry) && !entry.IsExpired(now) ? entry : null;

    /// <summary>Forgets expired keys (expiry is a pure function of time, so this needs no journal record).</summary>
    public void SweepExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in _keys)
        {
            if (entry.IsExpired(now))
            {
                _keys.Remove(key);
            }
        }
    }

    private void AppendLog(string stream, IReadOnlyList<string> entries) =>
        _logs[stream] = Log(stream).AddRange(entries);
}
