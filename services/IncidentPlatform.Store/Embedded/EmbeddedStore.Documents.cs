namespace IncidentPlatform.Store.Embedded;

internal sealed partial class EmbeddedStore
{
    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync(() => _state.FindDocument(collection, id)?.ToStored(), cancellationToken);

    public Task<long?> TryPutAsync(
        string collection, string id, string json, long expectedVersion, string? owner = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.CheckDocument(collection, id, json, expectedVersion);
        return RunAsync(() =>
        {
            if ((_state.FindDocument(collection, id)?.Version ?? 0) != expectedVersion)
            {
                return (long?)null;
            }

            return Commit(new DocumentPut(collection, id, json, expectedVersion + 1, owner)).Version;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(
        string collection, string? owner = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return RunAsync<IReadOnlyList<StoredDocument>>(
            () => [.. _state.Documents(collection, owner).Take(limit).Select(d => d.ToStored())], cancellationToken);
    }

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync(() =>
        {
            if (_state.FindDocument(collection, id) is null)
            {
                return false;
            }

            Commit(new DocumentDeleted(collection, id));
            return true;
        }, cancellationToken);
}
