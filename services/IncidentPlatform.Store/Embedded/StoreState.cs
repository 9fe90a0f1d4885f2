namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// The store's whole state, in memory. It changes only through <see cref="Apply"/>, for live changes and for replayed
/// ones alike; the store validates a change before it builds the record, so applying one never fails. Not
/// thread-safe: the store serializes access with its lock. Values are immutable (records, immutable collections), so a
/// <see cref="Capture"/> for a snapshot copies references only and is consistent.
/// </summary>
internal sealed partial class StoreState(int maxAlertsPerIncident)
{
    /// <summary>Applies one change.</summary>
    /// <exception cref="InvalidDataException">The record does not fit the state (a journal out of order or forged).</exception>
    public void Apply(JournalRecord record)
    {
        switch (record)
        {
            case IncidentPut put:
                PutIncident(put.Incident);
                break;
            case IncidentsDeleted deleted:
                DeleteIncidents(deleted.Ids);
                break;
            case AlertAdded added:
                AddAlert(added.IncidentId, added.Alert);
                break;
            case TimelineAppended appended:
                AppendTimeline(appended.IncidentId, appended.Entry);
                break;
            case IncidentRestored restored:
                RestoreIncident(restored);
                break;
            case FingerprintsRestored fingerprints:
                RestoreFingerprints(fingerprints.Map);
                break;
            case DocumentPut document:
                PutDocument(document);
                break;
            case DocumentDeleted document:
                DeleteDocument(document.Collection, document.Id);
                break;
            case LogAppended log:
                AppendLog(log.Stream, log.Entries);
                break;
            case KeyPut key:
                _keys[new KeyRef(key.Space, key.Key)] = new KeyEntry(key.Value, key.Number, key.ExpiresAt);
                break;
            case KeyDeleted key:
                _keys.Remove(new KeyRef(key.Space, key.Key));
                break;
            case Ping or SnapshotEnd:
                break;
            default:
                throw new InvalidDataException($"Unknown store record {record.GetType().Name}.");
        }
    }

    /// <summary>A consistent image of the live state (expired keys left out), for a snapshot.</summary>
    public StateImage Capture(DateTimeOffset now) => new(
        [.. _incidents.Values],
        new Dictionary<string, string>(_fingerprints, StringComparer.Ordinal),
        [.. _collections.SelectMany(c => c.Value.BySequence.Values.Select(d => (c.Key, d)))],
        [.. _logs.Select(l => (l.Key, l.Value))],
        [.. _keys.Where(k => !k.Value.IsExpired(now)).Select(k => (k.Key, k.Value))]);

    private static InvalidDataException Inconsistent(string what) =>
        new($"The store's records are inconsistent: {what}. The journal or snapshot was altered or written out of order.");
}
