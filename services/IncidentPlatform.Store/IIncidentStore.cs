using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>
/// Where incidents live: documents with optimistic concurrency, their alerts and timelines, indexes for listing,
/// and the fingerprint → open-incident map that makes correlation atomic across replicas.
/// </summary>
public interface IIncidentStore
{
    /// <summary>The incident, or null.</summary>
    Task<Incident?> GetAsync(string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically returns the unresolved incident recorded for <paramref name="fingerprint"/>, or stores
    /// <paramref name="candidate"/> (with <see cref="Incident.Version"/> 1) as the new incident for it. Two callers
    /// racing with the same fingerprint get the same incident; exactly one of them sees <see cref="FindOrOpenResult.Opened"/>.
    /// </summary>
    Task<FindOrOpenResult> FindOrOpenAsync(string fingerprint, Incident candidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="incident"/> if the stored version still equals <c>incident.Version</c>, updating every
    /// index; returns the stored incident (version + 1), or null when the version no longer matches (reload and retry;
    /// see <see cref="IncidentStoreExtensions.UpdateAsync"/>). Throws <see cref="KeyNotFoundException"/> when the
    /// incident does not exist. Resolving an incident releases its fingerprint, so the next alert opens a new one.
    /// </summary>
    Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default);

    /// <summary>Filtered, paged listing, newest update first.</summary>
    Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes the incident with its alerts, timeline and index entries. False when it did not exist.</summary>
    Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an alert of the incident. Alerts are kept newest-first, bounded by the store's alert limit (the incident's
    /// <see cref="Incident.AlertCount"/> counts them all). False when that alert id was already recorded.
    /// </summary>
    Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default);

    /// <summary>The incident's stored alerts, newest first.</summary>
    Task<IReadOnlyList<Alert>> GetAlertsAsync(string incidentId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Appends to the incident's timeline (append-only, in order).</summary>
    Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Timeline entries in order, from <paramref name="offset"/>.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(
        string incidentId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes incidents resolved before <paramref name="resolvedBefore"/> (retention); returns how many.</summary>
    Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default);
}
