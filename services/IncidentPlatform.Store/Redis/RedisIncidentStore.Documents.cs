using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>Versioned documents: a hash each, with creation-ordered indexes per collection and per owner.</summary>
internal sealed partial class RedisIncidentStore
{
    private static readonly RedisValue[] DocumentFields = ["json", "ver", "owner"];

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(id);
        var fields = await Within(
            Database(cancellationToken).HashGetAsync(_keys.Document(collection, id), DocumentFields), cancellationToken);
        return fields[0].IsNull ? null : new StoredDocument(id, fields[0]!, (long)fields[1], fields[2]);
    }

    public async Task<long?> TryPutAsync(
        string collection, string id, string json, long expectedVersion, string? owner = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.CheckDocument(collection, id, json, expectedVersion);
        var version = (long)await EvalAsync(
            KeyScripts.PutDocument,
            [_keys.Document(collection, id), _keys.Documents(collection), _keys.DocumentSequence(collection)],
            [_keys.DocumentOwnerPrefix(collection), id, json, expectedVersion, owner is null ? 0 : 1, owner ?? ""],
            cancellationToken);
        return version < 0 ? null : version;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(
        string collection, string? owner = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var order = owner is null ? _keys.Documents(collection) : _keys.DocumentOwnerPrefix(collection) + owner;
        var reply = (RedisResult[])(await EvalAsync(
            KeyScripts.ListDocuments, [order], [_keys.Document(collection, ""), limit], cancellationToken))!;
        var documents = new List<StoredDocument>(reply.Length / 5);
        for (var i = 0; i + 4 < reply.Length; i += 5)
        {
            documents.Add(new StoredDocument(
                (string)reply[i]!, (string)reply[i + 1]!, (long)reply[i + 2],
                (long)reply[i + 4] == 1 ? (string?)reply[i + 3] : null));
        }

        return documents;
    }

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(id);
        var reply = await EvalAsync(
            KeyScripts.DeleteDocument, [_keys.Document(collection, id), _keys.Documents(collection)],
            [_keys.DocumentOwnerPrefix(collection), id], cancellationToken);
        return (long)reply == 1;
    }
}
