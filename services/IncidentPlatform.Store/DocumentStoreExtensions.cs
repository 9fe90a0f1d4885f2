namespace IncidentPlatform.Store;

/// <summary>Read–modify–write of one document on top of <see cref="IDocumentStore.TryPutAsync"/>.</summary>
public static class DocumentStoreExtensions
{
    /// <summary>
    /// Reads the document (null when there is none), lets <paramref name="change"/> compute its new JSON, and writes it
    /// with a version check, reading again after a conflict (<see cref="ConflictRetry"/>). <paramref name="change"/> may
    /// run several times and must only compute; returning null leaves the document as it is. <paramref name="owner"/>
    /// sets the owner; null keeps the current one. Throws <see cref="StoreConflictException"/> when the document kept
    /// changing.
    /// </summary>
    public static async Task<DocumentUpdate> UpdateAsync(
        this IDocumentStore store, string collection, string id, Func<StoredDocument?, string?> change, string? owner = null,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(collection, id, cancellationToken);
            if (change(current) is not { } json)
            {
                return new DocumentUpdate(current, Written: false);
            }

            if (await store.TryPutAsync(collection, id, json, current?.Version ?? 0, owner, cancellationToken) is { } version)
            {
                return new DocumentUpdate(new StoredDocument(id, json, version, owner ?? current?.Owner), Written: true);
            }

            await ConflictRetry.BackOffAsync(attempt, $"Document {collection}/{id}", cancellationToken);
        }
    }
}
