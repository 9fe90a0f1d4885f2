using System.Collections.Concurrent;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>
/// An append log whose entries a test can rewrite or remove afterwards, as an attacker with write access to the
/// store could. It honours the interface's compare-and-append semantics.
/// </summary>
internal sealed class TamperableAppendLog : IAppendLog
{
    private readonly ConcurrentDictionary<string, List<string>> _streams = new();

    public Task<long> AppendAsync(string stream, string entry, CancellationToken cancellationToken = default)
    {
        var list = _streams.GetOrAdd(stream, _ => []);
        lock (list)
        {
            list.Add(entry);
            return Task.FromResult((long)list.Count - 1);
        }
    }

    public Task<long?> TryAppendAsync(string stream, string entry, long expectedLength, CancellationToken cancellationToken = default)
    {
        var list = _streams.GetOrAdd(stream, _ => []);
        lock (list)
        {
            if (list.Count != expectedLength)
            {
                return Task.FromResult<long?>(null);
            }

            list.Add(entry);
            return Task.FromResult<long?>(list.Count - 1);
        }
    }

    public Task<IReadOnlyList<string>> ReadAsync(string stream, long start, int count, CancellationToken cancellationToken = default)
    {
        var list = _streams.GetOrAdd(stream, _ => []);
        lock (list)
        {
            IReadOnlyList<string> page = [.. list.Skip((int)start).Take(count)];
            return Task.FromResult(page);
        }
    }

    public Task<long> LengthAsync(string stream, CancellationToken cancellationToken = default)
    {
        var list = _streams.GetOrAdd(stream, _ => []);
        lock (list)
        {
            return Task.FromResult((long)list.Count);
        }
    }

    public void Rewrite(string stream, int position, Func<string, string> change)
    {
        var list = _streams[stream];
        lock (list)
        {
            list[position] = change(list[position]);
        }
    }

    public void Remove(string stream, int position)
    {
        var list = _streams[stream];
        lock (list)
        {
            list.RemoveAt(position);
        }
    }
}
