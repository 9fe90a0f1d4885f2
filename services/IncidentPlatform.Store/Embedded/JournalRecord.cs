using System.Text.Json.Serialization;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

/// <summary>
/// One change to the store's state, as written to the journal and to snapshots. Every change, live or replayed, goes
/// through <see cref="StoreState.Apply"/>, so a reopened store is exactly the store that was closed.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$t")]
[JsonDerivedType(typeof(IncidentPut), "incident")]
[JsonDerivedType(typeof(IncidentsDeleted), "incidents-deleted")]
[JsonDerivedType(typeof(AlertAdded), "alert")]
[JsonDerivedType(typeof(TimelineAppended), "timeline")]
[JsonDerivedType(typeof(IncidentRestored), "incident-restored")]
[JsonDerivedType(typeof(FingerprintsRestored), "fingerprints-restored")]
[JsonDerivedType(typeof(DocumentPut), "document")]
[JsonDerivedType(typeof(DocumentDeleted), "document-deleted")]
[JsonDerivedType(typeof(LogAppended), "log")]
[JsonDerivedType(typeof(KeyPut), "key")]
[JsonDerivedType(typeof(KeyDeleted), "key-deleted")]
[JsonDerivedType(typeof(Ping), "ping")]
[JsonDerivedType(typeof(SnapshotEnd), "snapshot-end")]
internal abstract record JournalRecord;

/// <summary>An incident stored (opened or updated); the fingerprint map follows its status.</summary>
internal sealed record IncidentPut(Incident Incident) : JournalRecord;

/// <summary>Incidents deleted with their alerts, timelines and index entries.</summary>
internal sealed record IncidentsDeleted(IReadOnlyList<string> Ids) : JournalRecord;

/// <summary>An alert recorded for an incident.</summary>
internal sealed record AlertAdded(string IncidentId, Alert Alert) : JournalRecord;

/// <summary>A timeline entry appended to an incident.</summary>
internal sealed record TimelineAppended(string IncidentId, TimelineEntry Entry) : JournalRecord;

/// <summary>Snapshot only: an incident with everything it owns. Does not touch the fingerprint map.</summary>
internal sealed record IncidentRestored(
    Incident Incident, IReadOnlyList<Alert> Alerts, IReadOnlyList<string> AlertIds, IReadOnlyList<TimelineEntry> Timeline)
    : JournalRecord;

/// <summary>Snapshot only: the fingerprint → open incident map, as it was.</summary>
internal sealed record FingerprintsRestored(IReadOnlyDictionary<string, string> Map) : JournalRecord;

/// <summary>A document written at <paramref name="Version"/>; a null owner keeps the current one.</summary>
internal sealed record DocumentPut(string Collection, string Id, string Json, long Version, string? Owner) : JournalRecord;

/// <summary>A document deleted.</summary>
internal sealed record DocumentDeleted(string Collection, string Id) : JournalRecord;

/// <summary>Entries appended to a log stream, in order.</summary>
internal sealed record LogAppended(string Stream, IReadOnlyList<string> Entries) : JournalRecord;

/// <summary>A key of one of the small key spaces set to a value, a number and an optional absolute expiry.</summary>
internal sealed record KeyPut(KeySpace Space, string Key, string? Value, long Number, DateTimeOffset? ExpiresAt) : JournalRecord;

/// <summary>A key removed.</summary>
internal sealed record KeyDeleted(KeySpace Space, string Key) : JournalRecord;

/// <summary>Changes nothing: the health check's proof that the journal takes writes.</summary>
internal sealed record Ping(DateTimeOffset At) : JournalRecord;

/// <summary>The last record of a snapshot, with how many came before it (a snapshot without it is incomplete).</summary>
internal sealed record SnapshotEnd(long Records) : JournalRecord;
