namespace IncidentPlatform.Store.Embedded;

internal sealed partial class StoreState
{
    private readonly Dictionary<string, DocumentCollection> _collections = new(StringComparer.Ordinal);
    private long _documentSequence;

    public DocumentEntry? FindDocument(string collection, string id) =>
        _collections.TryGetValue(collection, out var documents) ? documents.ById.GetValueOrDefault(id) : null;

    /// <summary>The collection's documents (of one owner when given), oldest first.</summary>
    public IEnumerable<DocumentEntry> Documents(string collection, string? owner)
    {
        if (!_collections.TryGetValue(collection, out var documents))
        {
            return [];
        }

        if (owner is null)
        {
            return documents.BySequence.Values;
        }

        return documents.ByOwner.TryGetValue(owner, out var owned) ? owned.Values : [];
    }

    private void PutDocument(DocumentPut put)
    {
        if (!_collections.TryGetValue(put.Collection, out var documents))
        {
            documents = new DocumentCollection();
            _collections[put.Collection] = documents;
        }

        DocumentEntry entry;
        if (documents.ById.TryGetValue(put.Id, out var existing))
        {
            entry = new DocumentEntry(put.Id, put.Json, put.Version, put.Owner ?? existing.Owner, existing.Sequence);
            documents.Unindex(existing);
        }
        else
        {
            entry = new DocumentEntry(put.Id, put.Json, put.Version, put.Owner, ++_documentSequence);
        }

        documents.Index(entry);
    }

    private void DeleteDocument(string collection, string id)
    {
        var existing = FindDocument(collection, id) ?? throw Inconsistent($"document {collection}/{id} is missing");
        var documents = _collections[collection];
        documents.Unindex(existing);
        if (documents.ById.Count == 0)
        {
            _collections.Remove(collection);
        }
    }

    private sealed class DocumentCollection
    {
        public Dictionary<string, DocumentEntry> ById { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<long, DocumentEntry> BySequence { get; } = [];

        public Dictionary<string, SortedDictionary<long, DocumentEntry>> ByOwner { get; } = new(StringComparer.Ordinal);

        public void Index(DocumentEntry entry)
        {
            ById[entry.Id] = entry;
            BySequence[entry.Sequence] = entry;
            if (entry.Owner is { } owner)
            {
                if (!ByOwner.TryGetValue(owner, out var owned))
                {
                    owned = [];
                    ByOwner[owner] = owned;
                }

                owned[entry.Sequence] = entry;
            }
        }

        public void Unindex(DocumentEntry entry)
        {
            ById.Remove(entry.Id);
            BySequence.Remove(entry.Sequence);
            if (entry.Owner is { } owner && ByOwner.TryGetValue(owner, out var owned))
            {
                owned.Remove(entry.Sequence);
                if (owned.Count == 0)
                {
                    ByOwner.Remove(owner);
                }
            }
        }
    }
}
