namespace IncidentPlatform.Store;

/// <summary>
/// Versioned JSON documents in named collections (remediations, silences, miner state…), each optionally owned by an
/// incident so it can be listed with it. Every write checks the version (optimistic concurrency).
/// </summary>
public interface IDocumentStore
{
    /// <summary>The document, or null.</summary>
    Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the document if its stored version equals <paramref name="expectedVersion"/> (0: it must not exist yet);
    /// returns the new version (expected + 1), or null on a version mismatch. <paramref name="owner"/> sets the document's
    /// owner; null keeps the current one (none for a new document).
    /// </summary>
    Task<long?> TryPutAsync(
        string collection, string id, string json, long expectedVersion, string? owner = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents of the collection (of one owner when given), oldest first (by creation: an update does not move a
    /// document; a deleted and re-created one is new), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(
        string collection, string? owner = null, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document. False when it did not exist.</summary>
    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);
}
