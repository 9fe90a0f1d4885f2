using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store;

/// <summary>
/// Where incidents live: documents with optimistic concurrency, their alerts and timelines, indexes for listing,
/// and the fingerprint → open-incident map that makes correlation atomic across replicas.
/// <para>Every implementation passes the store contract tests (<c>StoreContractTests</c>). A call returns only once its
/// change, and every change it could have observed, is durable; a call cancelled while it waits for that may still take
/// effect (as with any remote store). An unresolved incident holds its fingerprint unless
/// another unresolved incident already holds it; resolving or deleting it releases the fingerprint.</para>
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
    /// <exception cref="ArgumentException">The candidate's <see cref="Incident.Fingerprint"/> is not
    /// <paramref name="fingerprint"/>, or the candidate is resolved.</exception>
    /// <exception cref="InvalidOperationException">The fingerprint is free but an incident with the candidate's id exists
    /// (a resolved one): a new incident needs a new id.</exception>
    Task<FindOrOpenResult> FindOrOpenAsync(string fingerprint, Incident candidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="incident"/> if the stored version still equals <c>incident.Version</c>, updating every
    /// index; returns the stored incident (version + 1), or null when the version no longer matches (reload and retry;
    /// see <see cref="IncidentStoreExtensions.UpdateAsync"/>). Throws <see cref="KeyNotFoundException"/> when the
    /// incident does not exist. Resolving an incident releases its fingerprint, so the next alert opens a new one. The
    /// store keeps every field as given (it does not set <see cref="Incident.UpdatedAt"/>; callers do).
    /// </summary>
    Task<Incident?> TryUpdateAsync(Incident incident, CancellationToken cancellationToken = default);

    /// <summary>
    /// Filtered, paged listing, newest <see cref="Incident.UpdatedAt"/> first, ties by id descending (ordinal); stores
    /// order times at least to the millisecond. Keyset paging: a page starts strictly after the previous page's last
    /// item, so no item is returned twice as long as <see cref="Incident.UpdatedAt"/> only moves forward, and every item
    /// whose <see cref="Incident.UpdatedAt"/> does not change during the paging is returned exactly once. Items opened
    /// or updated meanwhile sort before the cursor: they appear on a fresh first page.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor is not one this store issued.</exception>
    Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the incident with its alerts, timeline and index entries, and releases its fingerprint. Documents it owns
    /// (<see cref="IDocumentStore"/>) are left alone. False when it did not exist.
    /// </summary>
    Task<bool> DeleteAsync(string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an alert of the incident. Alerts are kept newest-first, bounded by the store's alert limit (the incident's
    /// <see cref="Incident.AlertCount"/> counts them all). False when that alert id was already recorded for the incident,
    /// also when it is no longer among the kept ones. "Newest" is the most recently recorded. It does not change the
    /// incident document (nor its version): the caller counts the alert with <see cref="IncidentStoreExtensions.UpdateAsync"/>
    /// when this returns true.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The incident does not exist.</exception>
    Task<bool> AddAlertAsync(string incidentId, Alert alert, CancellationToken cancellationToken = default);

    /// <summary>The incident's stored alerts, newest first, at most <paramref name="limit"/>; empty for an unknown incident.</summary>
    Task<IReadOnlyList<Alert>> GetAlertsAsync(string incidentId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Appends to the incident's timeline (append-only, in order). Does not change the incident document.</summary>
    /// <exception cref="KeyNotFoundException">The incident does not exist.</exception>
    Task AppendTimelineAsync(string incidentId, TimelineEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Timeline entries in order, from <paramref name="offset"/>, at most <paramref name="limit"/>; empty for an unknown incident.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(
        string incidentId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes incidents resolved before <paramref name="resolvedBefore"/> (by <see cref="Incident.ResolvedAt"/>, or
    /// <see cref="Incident.UpdatedAt"/> when that is missing), as <see cref="DeleteAsync"/> does; returns how many.
    /// </summary>
    Task<int> PurgeResolvedAsync(DateTimeOffset resolvedBefore, CancellationToken cancellationToken = default);
}
