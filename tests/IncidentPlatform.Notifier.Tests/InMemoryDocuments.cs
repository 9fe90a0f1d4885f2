using IncidentPlatform.Store;

namespace IncidentPlatform.Notifier.Tests;

/// <summary>In-memory versioned documents and append logs with the interfaces' documented semantics.</summary>
internal sealed class InMemoryDocuments : IDocumentStore, IAppendLog
{
    private readonly Dictionary<(string, string), (StoredDocument Document, long Created)> _documents = [];
    private readonly Dictionary<string, List<string>> _logs = [];
    private long _sequence;

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        lock (_documents)
        {
            return Task.FromResult(_documents.TryGetValue((collection, id), out var entry) ? entry.Document : null);
        }
    }

    public Task<long?> TryPutAsync(string collection, string id, string json, long expectedVersion, string? owner = null,
        CancellationToken cancellationToken = default)
    {
        lock (_documents)
        {
            var exists = _documents.TryGetValue((collection, id), out var entry);
            var version = exists ? entry.Document.Version : 0;
            if (version != expectedVersion)
            {
                return Task.FromResult<long?>(null);
            }

            _documents[(collection, id)] = (new StoredDocument(id, json, version + 1, owner ?? (exists ? entry.Document.Owner : null)),
                exists ? entry.Created : ++_sequence);
            return Task.FromResult<long?>(version + 1);
        }
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? owner = null, int limit = 1000,
        CancellationToken cancellationToken = default)
    {
        lock (_documents)
        {
            IReadOnlyList<StoredDocument> list = [.. _documents
                .Where(d => d.Key.Item1 == collection && (owner is null || d.Value.Document.Owner == owner))
                .OrderBy(d => d.Value.Created).Take(limit).Select(d => d.Value.Document)];
            return Task.FromResult(list);
        }
    }

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        lock (_documents)
        {
            return Task.FromResult(_documents.Remove((collection, id)));
        }
    }

    public Task<long> AppendAsync(string stream, string entry, CancellationToken cancellationToken = default)
    {
        lock (_logs)
        {
            var log = Log(stream);
            log.Add(entry);
            return Task.FromResult((long)log.Count - 1);
        }
    }

    public Task<long?> TryAppendAsync(string stream, string entry, long expectedLength, CancellationToken cancellationToken = default)
    {
        lock (_logs)
        {
            var log = Log(stream);
            if (log.Count != expectedLength)
            {
                return Task.FromResult<long?>(null);
            }

            log.Add(entry);
            return Task.FromResult<long?>(log.Count - 1);
        }
    }

    public Task<IReadOnlyList<string>> ReadAsync(string stream, long start, int count, CancellationToken cancellationToken = default)
    {
        lock (_logs)
        {
            IReadOnlyList<string> entries = [.. Log(stream).Skip((int)start).Take(count)];
            return Task.FromResult(entries);
        }
    }

    public Task<long> LengthAsync(string stream, CancellationToken cancellationToken = default)
    {
        lock (_logs)
        {
            return Task.FromResult((long)Log(stream).Count);
        }
    }

    private List<string> Log(string stream)
    {
        if (!_logs.TryGetValue(stream, out var log))
        {
            log = [];
            _logs[stream] = log;
        }

        return log;
    }
}
