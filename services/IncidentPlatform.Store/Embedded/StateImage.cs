using System.Collections.Immutable;

namespace IncidentPlatform.Store.Embedded;

/// <summary>The live state at one point of the journal, as immutable references (see <see cref="StoreState.Capture"/>).</summary>
internal sealed record StateImage(
    IncidentEntry[] Incidents,
    Dictionary<string, string> Fingerprints,
    (string Collection, DocumentEntry Document)[] Documents,
    (string Stream, ImmutableList<string> Entries)[] Logs,
    (KeyRef Key, KeyEntry Entry)[] Keys)
{
    private const int LogChunk = 1000;

    /// <summary>The records that rebuild this state in an empty store.</summary>
    public IEnumerable<JournalRecord> Records()
    {
        foreach (var entry in Incidents)
        {
            yield return new IncidentRestored(entry.Incident, entry.Alerts, [.. entry.AlertIds], entry.Timeline);
        }

        yield return new FingerprintsRestored(Fingerprints);
        foreach (var (collection, document) in Documents)
        {
            yield return new DocumentPut(collection, document.Id, document.Json, document.Version, document.Owner);
        }

        foreach (var (stream, entries) in Logs)
        {
            for (var start = 0; start < entries.Count; start += LogChunk)
            {
                yield return new LogAppended(stream, entries.GetRange(start, Math.Min(LogChunk, entries.Count - start)));
            }
        }

        foreach (var (key, entry) in Keys)
        {
            yield return new KeyPut(key.Space, key.Key, entry.Value, entry.Number, entry.ExpiresAt);
        }
    }
}
