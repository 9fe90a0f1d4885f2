using System.Collections.Concurrent;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Tests;

/// <summary>
/// An in-memory <see cref="IDocumentStore"/> with the interface's version semantics (create at expected version 0,
/// versions 1, 2, … on every write, null on a mismatch), for tests of code that persists through the store.
/// </summary>
internal sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<(string Collection, string Id), Entry> _documents = new();
    private long _sequence;

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue((collection, id), out var entry) ? entry.Document : null);

    public Task<long?> TryPutAsync(
        string collection, string id, string json, long expectedVersion, string? owner = null,
        CancellationToken cancellationToken = default)
    {
        var key = (collection, id);
        lock (_documents)
        {
            var current = _documents.TryGetValue(key, out var entry) ? entry.Document.Version : 0;
            if (current != expectedVersion)
            {
                return Task.FromResult<long?>(null);
            }

            var created = entry?.Created ?? Interlocked.Increment(ref _sequence);
            _documents[key] = new Entry(new StoredDocument(id, json, current + 1, owner), created);
            return Task.FromResult<long?>(current + 1);
        }
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(
        string collection, string? owner = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StoredDocument> documents = [.. _documents
            .Where(d => d.Key.Collection == collection && (owner is null || d.Value.Document.Owner == owner))
            .OrderBy(d => d.Value.Created)
            .Take(limit)
            .Select(d => d.Value.Document)];
        return Task.FromResult(documents);
    }

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        lock (_documents)
        {
            return Task.FromResult(_documents.TryRemove((collection, id), out _));
        }
    }

    private sealed record Entry(StoredDocument Document, long Created);
}
